package io.bridgekeeper.link.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.link.LinkRow;
import io.bridgekeeper.link.LinkService;

/** Links search: by account e-mail or external account id (prefix), newest first, lazy. */
class LinksPanel extends VerticalLayout {

    private final Grid<LinkRow> grid = new Grid<>();
    private String query = "";

    LinksPanel(LinkService links) {
        setPadding(false);
        setSizeFull();
        TextField search = new TextField();
        search.setId("link-search");
        search.setPlaceholder("Account e-mail or external account id");
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
        grid.addColumn(LinkRow::vendorName).setHeader("Vendor").setAutoWidth(true);
        grid.addColumn(LinkRow::accountEmail).setHeader("Account").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(LinkRow::externalAccountId).setHeader("External account").setAutoWidth(true);
        grid.addComponentColumn(l -> new Badge(l.status().label(), l.status().tone())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(LinkRow::epoch).setHeader("Epoch").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> Formats.minute(l.linkedAt())).setHeader("Linked").setAutoWidth(true);
        NarrowWindow.showOnlyOnPhones(grid, "Vendor", "Account", "Status");
        grid.setItemsPageable(page -> links.search(query, page).getContent());
        grid.setEmptyStateText("No link matches.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LinkDetailView.class, e.getItem().id())));
        add(bar);
        addAndExpand(grid);
    }
}
