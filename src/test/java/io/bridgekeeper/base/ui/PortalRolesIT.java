package io.bridgekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.bridgekeeper.audit.ui.AuditView;
import io.bridgekeeper.audit.ui.IncidentsView;
import io.bridgekeeper.decision.ui.DecisionApiView;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.home.ui.MyHomeView;
import io.bridgekeeper.overview.ui.AdminOverviewView;
import io.bridgekeeper.rollout.ui.PartnerRolloutsView;
import io.bridgekeeper.rollout.ui.RolloutsView;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.ui.PartnerVendorsView;
import io.bridgekeeper.vendor.ui.VendorsView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Which pages each role opens and which it is refused (the not-available page, as for an unknown URL),
 * and that the menu offers exactly the pages it may open. Browserless: the real router, view access
 * checker and services, no browser.
 */
@IntegrationTest
@ViewPackages(packages = "io.bridgekeeper")
class PortalRolesIT extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(DemoAccounts.ADMIN)
    void an_admin_opens_the_admin_pages_and_the_audit_log_but_no_partner_or_household_page() {
        navigate("admin", AdminOverviewView.class);
        navigate("admin/vendors", VendorsView.class);
        navigate("admin/rollouts", RolloutsView.class);
        navigate("admin/incidents", IncidentsView.class);
        navigate("admin/decision-api", DecisionApiView.class);
        navigate("audit", AuditView.class);
        assertThat(menu()).contains("admin/vendors", "admin/rollouts", "admin/incidents", "admin/decision-api", "audit")
                .noneMatch(path -> path.startsWith("partner/") || path.startsWith("home"));

        navigate("partner/vendors", AccessDeniedView.class);
        navigate("home", AccessDeniedView.class);
    }

    @Test
    @WithUserDetails(DemoAccounts.CAMERA_PARTNER)
    void a_partner_manager_opens_the_partner_pages_and_the_audit_log_only() {
        navigate("partner/vendors", PartnerVendorsView.class);
        navigate("partner/rollouts", PartnerRolloutsView.class);
        navigate("audit", AuditView.class);
        assertThat(menu()).contains("partner/vendors", "partner/rollouts", "audit")
                .noneMatch(path -> path.startsWith("admin") || path.startsWith("home"));

        for (String refused : new String[] {"admin", "admin/vendors", "admin/rollouts", "admin/incidents",
                "admin/decision-api", "home"}) {
            navigate(refused, AccessDeniedView.class);
        }
    }

    @Test
    @WithUserDetails(DemoAccounts.HOUSEHOLD)
    void a_household_opens_its_home_and_nothing_of_the_staff() {
        navigate("home", MyHomeView.class);
        // its home, and the compatibility table every signed-in role reads
        assertThat(menu()).allMatch(path -> path.startsWith("home") || path.equals("compatibility"));

        for (String refused : new String[] {"admin", "admin/vendors", "admin/incidents", "partner/vendors",
                "partner/rollouts", "audit"}) {
            navigate(refused, AccessDeniedView.class);
        }
    }

    private java.util.List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getPath).toList();
    }
}
