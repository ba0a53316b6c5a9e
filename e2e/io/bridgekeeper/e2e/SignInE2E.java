package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each role signs in, lands on its own home, sees exactly its menu, and is refused the others' pages. */
class SignInE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_lands_on_the_overview_and_sees_the_admin_menu() {
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");

        assertThat(page).hasURL(Pattern.compile(".*/admin$"));
        assertMenu("Overview", "Vendors", "Links", "Devices", "Rollouts", "Incidents", "Decision API", "Webhook deliveries",
                "Audit log", "Compatibility");
        assertThat(page.locator("#current-user-name")).hasText("Ada Lovelace");
        assertThat(page.locator("#current-user-role")).hasText("Admin");
        // other tests add vendors to the same database: the overview must show what is there now
        long active = jdbc.queryForObject("select count(*) from vendor where status = 'ACTIVE'", Long.class);
        long rollouts = jdbc.queryForObject("select count(*) from rollout where state in ('RUNNING', 'PAUSED')", Long.class);
        assertThat(page.locator("#stat-vendors-active .stat-value")).hasText(String.format("%,d", active));
        assertThat(page.locator("#stat-active-rollouts .stat-value")).hasText(String.format("%,d", rollouts));
    }

    @Test
    void a_partner_manager_lands_on_their_vendors_and_sees_only_theirs() {
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");

        assertMenu("My vendors", "Links", "Devices", "Rollouts", "Webhook deliveries", "Audit log", "Compatibility");
        assertThat(page.locator("#current-user-role")).hasText("Partner manager");
        assertThat(page.locator("#partner-vendor-grid")).containsText("LumaCam");
        assertThat(page.locator("#partner-vendor-grid")).not().containsText("Brightway");
    }

    @Test
    void a_household_lands_on_my_home_with_its_links_and_devices() {
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");

        assertMenu("My home", "Compatibility");
        assertThat(page.locator("#link-lumacam")).containsText("LumaCam");
        assertThat(page.locator("#link-brightway")).containsText("Brightway Lighting");
        assertThat(page.locator("#device-groups")).containsText("Kitchen display");
        assertThat(page.locator("#device-groups")).containsText("camera");
    }

    @Test
    void each_role_is_refused_the_other_roles_pages_by_url() {
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        for (String path : new String[] {"admin", "partner/vendors"}) {
            open(path);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("#admin-overview, #partner-vendors")).hasCount(0);
        }
        switchUser();

        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        for (String path : new String[] {"admin", "home"}) {
            open(path);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("#admin-overview, #my-home")).hasCount(0);
        }
        switchUser();

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        for (String path : new String[] {"home", "partner/vendors"}) {
            open(path);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("#my-home, #partner-vendors")).hasCount(0);
        }
    }

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_sign_in() {
        open("admin");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("#login-form")).isVisible();
    }

    @Test
    void a_wrong_password_shows_an_error_and_signs_nobody_in() {
        signIn(DemoAccounts.OTHER_HOUSEHOLD, "not-the-password");

        assertThat(page.locator("#login-form")).containsText("Incorrect e-mail or password");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
    }

    @Test
    void repeated_failures_lock_the_name_out_even_with_the_right_password() {
        String victim = "household250@example.com";
        for (int i = 0; i < 5; i++) {
            signIn(victim, "wrong-" + i);
            assertThat(page.locator("#login-form")).containsText("Incorrect e-mail or password");
        }

        signIn(victim, DemoAccounts.PASSWORD);

        assertThat(page.locator("#login-form")).containsText("Too many failed sign-ins");
        assertThat(page.locator("#my-home")).hasCount(0);
    }

    @Test
    void signing_out_ends_the_session() {
        signInAndWait(DemoAccounts.SECOND_ADMIN, "admin-overview");

        page.locator("#logout").click();

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        open("admin");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }
}
