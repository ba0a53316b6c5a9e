package io.bridgekeeper.device.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
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
    private final ComboBox<VendorOption> vendor = new ComboBox<>("Vendor");
    private final ComboBox<DeviceKind> kind = new ComboBox<>("Kind");
    private final TextField owner = new TextField("Owner e-mail");
    private final ComboBox<DeviceState> state = new ComboBox<>("State");

    DevicesPanel(DeviceService devices) {
        setPadding(false);
        setSizeFull();
        vendor.setId("device-vendor-filter");
        vendor.setItems(devices.vendorOptions());
        vendor.setItemLabelGenerator(VendorOption::name);
        kind.setId("device-kind-filter");
        kind.setItems(DeviceKind.values());
        kind.setItemLabelGenerator(DeviceKind::label);
        owner.setId("device-owner-filter");
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.setClearButtonVisible(true);
        state.setId("device-state-filter");
        state.setItems(DeviceState.values());
        state.setItemLabelGenerator(DeviceState::name);
        for (var box : new ComboBox<?>[] {vendor, kind, state}) {
            box.setClearButtonVisible(true);
            box.setPlaceholder("Any");
            box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        owner.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Div bar = new Div(vendor, kind, owner, state);
        bar.addClassName("filter-bar");

        grid.setId("device-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeviceRow::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeviceRow::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(d -> d.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(DeviceRow::vendorName).setHeader("Vendor").setAutoWidth(true);
        grid.addColumn(DeviceRow::vendorDeviceId).setHeader("Vendor's id").setAutoWidth(true);
        grid.addColumn(d -> d.ownerEmail() == null ? "—" : d.ownerEmail()).setHeader("Owner").setAutoWidth(true);
        grid.addComponentColumn(d -> new Badge(d.state().label(),
                d.state() == DeviceState.ACTIVE ? "success" : "contrast")).setHeader("State").setAutoWidth(true);
        NarrowWindow.showOnlyOnPhones(grid, "Name", "Owner", "State");
        grid.setItemsPageable(page -> devices.devices(filter(), page).getContent());
        grid.setEmptyStateText("No device matches.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DeviceDetailView.class, e.getItem().id())));
        add(bar);
        addAndExpand(grid);
    }

    private DeviceFilter filter() {
        return new DeviceFilter(vendor.getValue() == null ? null : vendor.getValue().id(), kind.getValue(),
                owner.getValue(), state.getValue());
    }
}
