package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15: a display receives another household's still during a rollout; the data plane reports what it
 * saw through the real API; an admin opens the incident from the list and reads how it was contained.
 */
class IncidentTimelineE2E extends PortalTest {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_reads_in_plain_words_how_an_observed_breach_was_contained() {
        Vendor vendor = fixture.vendor("e2e-timeline");
        Household exposed = fixture.household(vendor);
        Household viewer = fixture.household(vendor);
        fixture.runningRollout(vendor);
        try (DecisionClient api = new DecisionClient(port, fixture.credential())) {
            String key = api.resolve(vendor.slug(), exposed.cameraId()).cacheKey();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("vendor", vendor.slug());
            seen.put("contentDeviceId", exposed.cameraId());
            seen.put("displayDeviceId", viewer.displayId());
            seen.put("capability", "SNAPSHOT");
            seen.put("cacheKey", key);
            seen.put("observedAt", Instant.now().minusMillis(200).toString());
            org.assertj.core.api.Assertions.assertThat(api.post("/observations", Map.of("items", List.of(seen)))
                    .body().get("violations").asInt()).isEqualTo(1);
        }
        String vendorName = jdbc.queryForObject("select name from vendor where id = ?", String.class, vendor.id());

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        page.locator("#main-nav vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Incidents")).click();
        page.locator("#incident-grid vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText(vendorName)).first().click();

        Locator timeline = page.locator("#incident-timeline");
        assertThat(timeline.locator("[data-kind=FIRST_VIOLATION]")).containsText("observed on a display");
        assertThat(timeline.locator("[data-kind=FIRST_VIOLATION]")).containsText("+0 ms");
        assertThat(timeline.locator("[data-kind=ROLLOUT_HALTED]")).containsText("Rollout halted");
        assertThat(timeline.locator("[data-kind=ROLLOUT_ROLLED_BACK]")).containsText("stable cache version");
        assertThat(timeline.locator("[data-kind=VENDOR_SUSPENDED]")).containsText("camera streams, snapshots only");
        assertThat(timeline.locator("[data-kind=APPLIED_ON_NODE]").first()).containsText("Suspension applied on node");
        timeline.screenshot(new Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "e2e-screenshots", "incident-timeline.png")));
        // the evidence reads field by field, with the JSON as recorded folded away
        assertThat(page.locator("#incident-evidence .fact-label").first()).isVisible();
        assertThat(page.locator("#incident-evidence-json")).not().hasAttribute("opened", "");
        page.locator("#incident-evidence").screenshot(new Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "screenshots", "incident-evidence.png")));
        Locator report = page.locator("#exposure-grid");
        assertThat(report).containsText(name(exposed.accountId()));
        assertThat(report).containsText(name(viewer.accountId()));
    }

    private String name(long accountId) {
        return jdbc.queryForObject("select display_name from account where id = ?", String.class, accountId);
    }
}
