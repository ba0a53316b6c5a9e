package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.List;

/**
 * The search in the header: type a vendor's name or slug, a household's e-mail, a vendor account id or a
 * device id, pick a match, and its page opens. Each module's {@link SearchProvider} answers for what it
 * owns, as the signed-in person may see it.
 */
final class GlobalSearch {

    static final int MIN_LENGTH = 2;
    static final int PER_PROVIDER = 5;

    private GlobalSearch() {
    }

    static ComboBox<SearchHit> of(List<SearchProvider> providers) {
        ComboBox<SearchHit> box = new ComboBox<>();
        box.setId("global-search");
        box.setPlaceholder(t("base.search.placeholder"));
        box.setTooltipText(t("base.search.tooltip"));
        box.setAriaLabel(t("base.search.aria"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setClearButtonVisible(true);
        box.addClassName("global-search");
        box.setItemLabelGenerator(h -> h.kind() + ": " + h.title());
        box.setRenderer(LitRenderer.<SearchHit>of("""
                <div class="search-hit"><span class="search-kind">${item.kind}</span> <b>${item.title}</b>
                <div class="cell-sub">${item.detail}</div></div>""")
                .withProperty("kind", SearchHit::kind).withProperty("title", SearchHit::title)
                .withProperty("detail", h -> h.detail() == null ? "" : h.detail()));
        box.setItems(query -> {
            // every hit is on the first page: skip and limit what the providers answered
            List<SearchHit> hits = hits(providers, query.getFilter().orElse(""));
            return hits.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        box.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                String path = e.getValue().path();
                box.clear();
                box.getUI().ifPresent(ui -> ui.navigate(path));
            }
        });
        return box;
    }

    static List<SearchHit> hits(List<SearchProvider> providers, String filter) {
        String text = filter == null ? "" : filter.strip();
        if (text.length() < MIN_LENGTH) {
            return List.of();
        }
        List<SearchHit> all = new ArrayList<>();
        for (SearchProvider p : providers) {
            try {
                all.addAll(p.search(text, PER_PROVIDER));
            } catch (RuntimeException e) {
                // one part that cannot answer now (its database read failed) leaves the others' hits
            }
        }
        return all;
    }
}
