package io.bridgekeeper.link.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.db.KeysetPages;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.link.LinkRow;
import io.bridgekeeper.link.LinkService;

/** Links search: by account e-mail or external account id (prefix), newest first, lazy. */
class LinksPanel extends VerticalLayout {

    private final Grid<LinkRow> grid = new Grid<>();
    private final KeysetPages<String, LinkRow> pages = new KeysetPages<>(LinkRow::id);
    private String query = "";

    LinksPanel(LinkService links) {
        setPadding(false);
        setSizeFull();
        TextField search = new TextField();
        search.setId("link-search");
        search.setPlaceholder(t("link.panel.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("min(420px, 100%)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            query = e.getValue();
            grid.getDataProvider().refreshAll();
        });
        Div bar = new Div(search);
        bar.addClassName("filter-bar");

        grid.setId("link-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LinkRow::vendorName).setHeader(t("link.vendor")).setAutoWidth(true);
        grid.addColumn(LinkRow::accountEmail).setHeader(t("link.account")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(LinkRow::externalAccountId).setHeader(t("link.external-account")).setAutoWidth(true);
        grid.addComponentColumn(l -> new Badge(Words.label(l.status()), l.status().tone())).setHeader(t("link.status")).setAutoWidth(true);
        grid.addColumn(LinkRow::epoch).setHeader(t("link.epoch")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Formats.minute(l.linkedAt())).setHeader(t("link.linked")).setAutoWidth(true);
        NarrowWindow.showOnlyOnPhones(grid, t("link.vendor"), t("link.account"), t("link.status"));
        grid.setItemsPageable(page -> {
            String q = query;
            return pages.page(q, page, (p, after) -> links.search(q, p, after).getContent());
        });
        grid.getDataProvider().addDataProviderListener(e -> pages.forget());
        grid.setEmptyStateText(t("link.panel.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LinkDetailView.class, e.getItem().id())));
        add(bar);
        addAndExpand(grid);
    }
}
