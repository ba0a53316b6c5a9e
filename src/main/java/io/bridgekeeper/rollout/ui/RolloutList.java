package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.RolloutFilter;
import io.bridgekeeper.rollout.RolloutRow;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.rollout.RolloutState;
import io.bridgekeeper.rollout.VendorChoice;
import java.util.List;

/**
 * The rollouts the signed-in person may see, in a lazy grid filtered by vendor and state in the
 * query. Admins reach it as t("rollout.list.title"), partner managers as their own vendors' rollouts.
 */
abstract class RolloutList extends VerticalLayout {

    private final ComboBox<VendorChoice> vendor = new ComboBox<>();
    private final ComboBox<RolloutState> state = new ComboBox<>();
    private final Grid<RolloutRow> grid = new Grid<>();

    RolloutList(RolloutService rollouts, CacheVersionService versions, String subtitle) {
        setId("rollouts-view");
        addClassName("page");
        setSizeFull();
        List<VendorChoice> vendors = rollouts.vendorChoices();

        Button versionsButton = new Button(t("rollout.versions.title"), VaadinIcon.ARCHIVES.create(),
                e -> new CacheVersionsDialog(vendors, versions).open());
        versionsButton.setId("cache-versions");
        Button create = new Button(t("rollout.new.title"), VaadinIcon.PLUS.create(),
                e -> new NewRolloutDialog(vendors, versions, rollouts,
                        id -> getUI().ifPresent(ui -> ui.navigate(RolloutView.class, id))).open());
        create.setId("new-rollout");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(t("rollout.list.title"), subtitle, versionsButton, create));

        vendor.setId("rollout-vendor-filter");
        vendor.setPlaceholder(t("rollout.list.any-vendor"));
        vendor.setItems(vendors);
        vendor.setItemLabelGenerator(VendorChoice::name);
        vendor.setClearButtonVisible(true);
        state.setId("rollout-state-filter");
        state.setPlaceholder(t("rollout.list.any-state"));
        state.setItems(RolloutState.values());
        state.setItemLabelGenerator(Words::label);
        state.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(vendor, state);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filters");
        add(filters);

        grid.setId("rollouts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> "#" + r.id()).setHeader(t("rollout.list.rollout")).setSortProperty("id").setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(RolloutRow::vendorName).setHeader(t("rollout.vendor")).setSortProperty("vendorName").setWidth("10em")
                .setFlexGrow(2);
        grid.addColumn(r -> r.fromLabel() + " → " + r.toLabel()).setHeader(t("rollout.list.versions")).setWidth("10em").setFlexGrow(1);
        grid.addComponentColumn(r -> RolloutBadges.state(r.state())).setHeader(t("rollout.list.state")).setSortProperty("state")
                .setWidth("10em").setFlexGrow(0);
        grid.addColumn(r -> r.state() == RolloutState.COMPLETED ? "100 %"
                : r.currentPercent() == null || !r.state().isActive() ? "—" : r.currentPercent() + " %")
                .setHeader(t("rollout.list.on-target")).setWidth("7em").setFlexGrow(0);
        grid.addColumn(RolloutRow::createdBy).setHeader(t("rollout.list.planned-by")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(r -> Formats.minute(r.createdAt())).setHeader(t("rollout.list.created")).setSortProperty("createdAt")
                .setWidth("11em").setFlexGrow(0);
        NarrowWindow.showOnlyOnPhones(grid, t("rollout.list.rollout"), t("rollout.list.state"));
        grid.setItemsPageable(page -> rollouts.search(new RolloutFilter(
                vendor.getValue() == null ? null : vendor.getValue().id(), state.getValue()), page).getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RolloutView.class, e.getItem().id())));
        Runnable emptyText = () -> grid.setEmptyStateText(vendor.getValue() == null && state.getValue() == null
                ? t("rollout.list.empty")
                : t("rollout.list.no-match"));
        emptyText.run();
        addAndExpand(grid);

        vendor.addValueChangeListener(e -> {
            emptyText.run();
            grid.getDataProvider().refreshAll();
        });
        state.addValueChangeListener(e -> {
            emptyText.run();
            grid.getDataProvider().refreshAll();
        });
    }
}
