package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.rollout.RolloutFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 15: the vendor page's canary health, for an admin (who enrolls) and the vendor's partner (who reads). */
class CanaryHealthE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RolloutFixtures rollouts;

    @Test
    void an_admin_sees_the_demo_canaries_health_and_the_partner_sees_it_read_only() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("vendors/" + lumacam);
        assertThat(page.locator("#canary-health")).containsText("Isolation canaries");
        assertThat(page.locator("#canary-totals")).containsText("2 canaries");
        assertThat(page.locator("#canary-grid")).containsText("Canary lumacam #1");
        assertThat(page.locator("#canary-health")).containsText("Healthy");
        assertThat(page.locator("#canary-enroll")).isVisible();
        page.locator("#canary-health").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Path.of("target", "e2e-screenshots", "vendor-canary-health.png")));

        switchUser();
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        open("vendors/" + lumacam);
        assertThat(page.locator("#canary-grid")).containsText("Canary lumacam #2");
        assertThat(page.locator("#canary-enroll")).hasCount(0);
        assertThat(page.locator("#canary-health vaadin-button")).hasCount(0);
    }

    @Test
    void an_admin_enrolls_two_canaries_after_confirming() {
        RolloutFixtures.Setup s = rollouts.vendor("e2e-canary");
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("vendors/" + s.vendorId());
        assertThat(page.locator("#canary-none")).isVisible();
        page.locator("#canary-enroll").click();
        assertThat(page.locator("#canary-enroll-dialog")).containsText("cannot sign in");
        page.locator("#canary-enroll-confirm").click();
        assertThat(page.locator("#canary-totals")).containsText("2 canaries");
        assertThat(page.locator("#canary-grid")).containsText("never");
    }
}
