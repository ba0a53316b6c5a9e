package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorFilter;
import io.bridgekeeper.vendor.VendorRow;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorStatus;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Every vendor on the platform: a lazy grid, filtered and sorted in the query. */
@Route("admin/vendors")
@Menu(title = "Vendors", order = 1, icon = "vaadin:cluster")
@RolesAllowed(Roles.ADMIN)
public class VendorsView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("vendor.list.title") + " · Bridgekeeper";
    }

    private final TextField search = new TextField();
    private final ComboBox<VendorStatus> status = new ComboBox<>();
    private final Grid<VendorRow> grid = new Grid<>();

    public VendorsView(VendorService vendors) {
        setId("vendors-view");
        addClassName("page");
        setSizeFull();

        Button create = new Button(t("vendor.new"), VaadinIcon.PLUS.create(),
                e -> new CreateVendorDialog(vendors, id -> openVendor(id)).open());
        create.setId("new-vendor");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(t("vendor.list.title"), t("vendor.list.subtitle"), create));

        search.setId("vendor-search");
        search.setPlaceholder(t("vendor.list.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        status.setId("vendor-status-filter");
        status.setPlaceholder(t("vendor.list.any-status"));
        status.setItems(VendorStatus.values());
        status.setItemLabelGenerator(VendorStatus::label);
        status.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(search, status);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filters");
        add(filters);

        grid.setId("vendors-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(VendorRow::name).setHeader(t("vendor.vendor")).setSortProperty("name").setFlexGrow(2);
        grid.addColumn(VendorRow::slug).setHeader(t("vendor.slug")).setSortProperty("slug").setAutoWidth(true);
        grid.addComponentColumn(v -> VendorBadges.status(v.status())).setHeader(t("vendor.status")).setSortProperty("status")
                .setAutoWidth(true);
        grid.addColumn(v -> v.capabilities().stream().map(Words::label).sorted().collect(Collectors.joining(", ")))
                .setHeader(t("vendor.capabilities")).setFlexGrow(2);
        grid.addColumn(v -> Formats.minute(v.createdAt())).setHeader(t("vendor.list.onboarded")).setSortProperty("createdAt")
                .setAutoWidth(true);
        NarrowWindow.showOnlyOnPhones(grid, t("vendor.vendor"), t("vendor.status"));
        grid.setItemsPageable(page -> vendors.search(new VendorFilter(search.getValue(), status.getValue()), page)
                .getContent());
        grid.addItemClickListener(e -> openVendor(e.getItem().id()));
        grid.setEmptyStateText(t("vendor.list.empty"));
        addAndExpand(grid);

        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    private void openVendor(long id) {
        getUI().ifPresent(ui -> ui.navigate(VendorView.class, id));
    }
}
