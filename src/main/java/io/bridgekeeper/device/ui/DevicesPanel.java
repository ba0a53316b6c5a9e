package io.bridgekeeper.device.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.db.KeysetPages;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.device.DeviceFilter;
import io.bridgekeeper.device.DeviceKind;
import io.bridgekeeper.device.DeviceRow;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.DeviceState;
import io.bridgekeeper.device.VendorOption;

/**
 * The devices grid: lazy over a Slice per page (no count of a million rows on every scroll), filtered
 * by vendor, kind, owner and state in the query.
 */
class DevicesPanel extends VerticalLayout {

    private final Grid<DeviceRow> grid = new Grid<>();
    private final KeysetPages<DeviceFilter, DeviceRow> pages = new KeysetPages<>(DeviceRow::id);
    private final ComboBox<VendorOption> vendor = new ComboBox<>(t("device.vendor"));
    private final ComboBox<DeviceKind> kind = new ComboBox<>(t("device.kind"));
    private final TextField owner = new TextField(t("device.panel.owner-email"));
    private final ComboBox<DeviceState> state = new ComboBox<>(t("device.state"));

    DevicesPanel(DeviceService devices) {
        setPadding(false);
        setSizeFull();
        vendor.setId("device-vendor-filter");
        vendor.setItems(devices.vendorOptions());
        vendor.setItemLabelGenerator(VendorOption::name);
        kind.setId("device-kind-filter");
        kind.setItems(DeviceKind.values());
        kind.setItemLabelGenerator(Words::label);
        owner.setId("device-owner-filter");
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.setClearButtonVisible(true);
        state.setId("device-state-filter");
        state.setItems(DeviceState.values());
        state.setItemLabelGenerator(Words::label);
        for (var box : new ComboBox<?>[] {vendor, kind, state}) {
            box.setClearButtonVisible(true);
            box.setPlaceholder(t("base.any"));
            box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        owner.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Div bar = new Div(vendor, kind, owner, state);
        bar.addClassName("filter-bar");

        grid.setId("device-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeviceRow::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeviceRow::name).setHeader(t("device.name")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(d -> Words.label(d.kind())).setHeader(t("device.kind")).setAutoWidth(true);
        grid.addColumn(d -> d.vendorId() == null ? t("device.search.platform") : d.vendorName()).setHeader(t("device.vendor")).setAutoWidth(true);
        grid.addColumn(DeviceRow::vendorDeviceId).setHeader(t("device.vendor-id")).setAutoWidth(true);
        grid.addColumn(d -> d.ownerEmail() == null ? "—" : d.ownerEmail()).setHeader(t("device.owner")).setAutoWidth(true);
        grid.addComponentColumn(d -> new Badge(Words.label(d.state()),
                d.state() == DeviceState.ACTIVE ? "success" : "contrast")).setHeader(t("device.state")).setAutoWidth(true);
        NarrowWindow.showOnlyOnPhones(grid, t("device.name"), t("device.owner"), t("device.state"));
        grid.setItemsPageable(page -> {
            DeviceFilter f = filter();
            return pages.page(f, page, (p, after) -> devices.devices(f, p, after).getContent());
        });
        grid.getDataProvider().addDataProviderListener(e -> pages.forget());
        grid.setEmptyStateText(t("device.panel.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DeviceDetailView.class, e.getItem().id())));
        add(bar);
        addAndExpand(grid);
    }

    private DeviceFilter filter() {
        return new DeviceFilter(vendor.getValue() == null ? null : vendor.getValue().id(), kind.getValue(),
                owner.getValue(), state.getValue());
    }
}
