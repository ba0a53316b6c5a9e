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
