package io.bridgekeeper.vendor.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionNotice;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The partner manager's home: the vendors assigned to them, and only those. */
@Route("partner/vendors")
@PageTitle("My vendors · Bridgekeeper")
@Menu(title = "My vendors", order = 10, icon = "vaadin:factory")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerVendorsView extends VerticalLayout {

    public PartnerVendorsView(VendorService vendors, SuspensionService suspensions) {
        setId("partner-vendors");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader("My vendors", "The integrations you manage"));

        Grid<VendorSummary> grid = new Grid<>();
        grid.setId("partner-vendor-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(VendorSummary::name).setHeader("Vendor").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(VendorSummary::slug).setHeader("Slug").setAutoWidth(true);
        grid.addComponentColumn(v -> VendorBadges.status(v.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(v -> v.capabilities().stream().map(Capability::label).sorted()
                .collect(Collectors.joining(", "))).setHeader("Capabilities").setAutoWidth(true);
        grid.addColumn(v -> String.format("%,d", v.liveLinks())).setHeader("Live links").setAutoWidth(true);
        grid.addColumn(v -> String.format("%,d", v.devices())).setHeader("Devices").setAutoWidth(true);
        List<VendorSummary> mine = vendors.myVendors();
        Map<Long, SuspensionNotice> notices = suspensions.noticesFor(mine.stream().map(VendorSummary::id).toList());
        grid.addColumn(v -> notices.containsKey(v.id()) ? notice(notices.get(v.id())) : "")
                .setHeader("Suspension").setFlexGrow(2);
        NarrowWindow.showOnlyOnPhones(grid, "Vendor", "Status", "Suspension");
        grid.setItems(mine);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(VendorView.class, e.getItem().id())));
        grid.setEmptyStateText("No vendor is assigned to you yet. An admin assigns vendors to partner managers.");
        addAndExpand(grid);
    }

    private static String notice(SuspensionNotice n) {
        return "Suspended " + n.plainWords() + (n.expectedRestoration() == null ? ""
                : "; expected back " + Formats.minute(n.expectedRestoration()));
    }
}
