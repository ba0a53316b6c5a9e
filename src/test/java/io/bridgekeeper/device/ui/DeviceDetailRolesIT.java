package io.bridgekeeper.device.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import io.bridgekeeper.base.ui.AccessDeniedView;
import io.bridgekeeper.base.ui.NotAvailableView;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.home.ui.HouseholdDeviceView;
import io.bridgekeeper.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Who may transfer a device, who sees it at all, and that a household sees only its own: browserless. */
@IntegrationTest
@ViewPackages(classes = {DeviceDetailView.class, HouseholdDeviceView.class, NotAvailableView.class})
class DeviceDetailRolesIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(DemoAccounts.ADMIN)
    void an_admin_may_transfer_a_device() {
        navigate(DeviceDetailView.class, cameraOf(DemoAccounts.HOUSEHOLD));

        assertThat($(Button.class).withId("transfer").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoAccounts.CAMERA_PARTNER)
    void the_vendors_partner_manager_sees_the_device_and_its_history_but_cannot_transfer_it() {
        navigate(DeviceDetailView.class, cameraOf(DemoAccounts.HOUSEHOLD));

        assertThat($(Button.class).withId("transfer").exists()).as("no visible transfer button").isFalse();
        assertThat($(com.vaadin.flow.component.grid.Grid.class).withId("ownership-history").exists()).isTrue();
    }

    @Test
    @WithUserDetails(DemoAccounts.LIGHTS_PARTNER)
    void another_vendors_partner_manager_gets_the_not_available_page() {
        navigate("devices/" + cameraOf(DemoAccounts.HOUSEHOLD), NotAvailableView.class);
    }

    @Test
    @WithUserDetails(DemoAccounts.OTHER_HOUSEHOLD)
    void a_household_never_reaches_another_households_device_nor_the_staff_page() {
        long theirs = cameraOf(DemoAccounts.HOUSEHOLD);
        navigate("home/devices/" + theirs, NotAvailableView.class);
        // the staff page is refused by role: the same "Page not available" content, from the access-denied view
        navigate("devices/" + theirs, AccessDeniedView.class);

        navigate(HouseholdDeviceView.class, cameraOf(DemoAccounts.OTHER_HOUSEHOLD));
    }

    private long cameraOf(String email) {
        return jdbc.queryForObject("""
                select min(d.id) from device d join account a on a.id = d.owner_account_id
                where lower(a.email) = lower(?) and d.kind = 'CAMERA' and d.state = 'ACTIVE'
                """, Long.class, email);
    }
}
