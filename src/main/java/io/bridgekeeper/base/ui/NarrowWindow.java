package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Tells a component whether the browser window is phone-narrow, when it is attached and whenever
 * the window crosses the line, so a grid can hide its secondary columns (a grid column cannot be
 * hidden from CSS) and fold what they show into its first column.
 */
public final class NarrowWindow {

    /** The same width as the stylesheet's phone media query. */
    public static final int MAX_WIDTH = 600;

    private NarrowWindow() {
    }

    public static void track(Component component, Consumer<Boolean> narrow) {
        component.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            boolean[] last = new boolean[1];
            Consumer<Integer> width = w -> {
                boolean now = w > 0 && w <= MAX_WIDTH;
                if (now != last[0]) {
                    last[0] = now;
                    narrow.accept(now);
                }
            };
            page.retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            Registration resize = page.addBrowserWindowResizeListener(e -> width.accept(e.getWidth()));
            component.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /**
     * On a phone, a list grid shows only the columns a person needs to find and open a row (by header
     * text); the others come back on a wider window. The row's own page shows everything.
     */
    public static <T> void showOnlyOnPhones(com.vaadin.flow.component.grid.Grid<T> grid, String... headers) {
        java.util.Set<String> keep = java.util.Set.of(headers);
        track(grid, narrow -> grid.getColumns().forEach(column ->
                column.setVisible(!narrow || keep.contains(column.getHeaderText() == null ? "" : column.getHeaderText()))));
    }
}
