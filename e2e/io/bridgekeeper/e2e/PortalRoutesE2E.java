package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import org.junit.jupiter.api.Test;

/**
 * Refused, unknown and malformed addresses look the same to a signed-in person: "Page not available",
 * never an empty 403 and never the framework's exception page.
 */
class PortalRoutesE2E extends PortalTest {

    @Test
    void an_unknown_route_shows_the_same_page_as_a_refused_one() {
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        for (String path : new String[] {"admin/vendors", "no-such-page", "admin/nothing-here"}) {
            open(path);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("#not-available")).containsText("Page not available");
            assertThat(page.locator("#navbar-title")).hasText("Page not available");
        }
    }

    @Test
    void mistyped_addresses_show_the_apps_own_page_inside_the_layout_for_every_role() {
        String[] roles = {DemoAccounts.ADMIN, DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD};
        String[] homes = {"admin-overview", "partner-vendors", "my-home"};
        for (int i = 0; i < roles.length; i++) {
            if (i > 0) {
                switchUser();
            }
            signInAndWait(roles[i], homes[i]);
            for (String path : new String[] {"vendor", "home/receipts/abc", "admin/vendors/x/y", "rollouts/"}) {
                open(path);
                assertThat(page.locator("#not-available")).isVisible();
                assertThat(page.locator("#main-nav")).isVisible();
                assertThat(page.locator("body")).not().containsText("HTTP ERROR");
            }
        }
    }

    @Test
    void a_malformed_id_is_not_available() {
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        for (String path : new String[] {"vendors/99999999999999999999", "rollouts/99999999999999999999",
                "incidents/abc", "links/99999999999999999999", "devices/99999999999999999999"}) {
            open(path);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("body")).not().containsText("NumberFormatException");
        }
    }
}
