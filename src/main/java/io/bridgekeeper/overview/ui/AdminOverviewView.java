package io.bridgekeeper.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.base.ui.StatCard;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorStatus;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/** The admin's home: vendors by status, rollouts in motion, incidents not yet resolved. */
@Route("admin")
@PageTitle("Overview · Bridgekeeper")
@Menu(title = "Overview", order = 0, icon = "vaadin:dashboard")
@RolesAllowed(Roles.ADMIN)
public class AdminOverviewView extends VerticalLayout {

    public AdminOverviewView(VendorService vendors, RolloutService rollouts, IncidentService incidents) {
        setId("admin-overview");
        addClassName("page");
        add(new ViewHeader("Overview", "The state of every vendor integration on the platform"));

        long openIncidents = incidents.countOpen();
        Div attention = new Div(
                new StatCard("stat-open-incidents", "Open incidents", openIncidents, openIncidents > 0 ? "error" : "ok"),
                new StatCard("stat-active-rollouts", "Rollouts in progress", rollouts.countActive(), "neutral"));
        attention.addClassName("stat-row");

        Map<VendorStatus, Long> byStatus = vendors.countByStatus();
        Div vendorStats = new Div();
        vendorStats.addClassName("stat-row");
        for (VendorStatus status : VendorStatus.values()) {
            long n = byStatus.get(status);
            String tone = status == VendorStatus.SUSPENDED && n > 0 ? "error"
                    : status == VendorStatus.ACTIVE ? "ok" : "neutral";
            vendorStats.add(new StatCard("stat-vendors-" + status.name().toLowerCase(), status.label() + " vendors",
                    n, tone));
        }
        H2 vendorsTitle = new H2("Vendors by status");
        vendorsTitle.addClassName("section-title");
        H2 workTitle = new H2("Needs attention");
        workTitle.addClassName("section-title");
        add(workTitle, attention, vendorsTitle, vendorStats);
    }
}
