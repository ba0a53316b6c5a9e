package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.audit.IsolationViolation;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an admin does with the audit log and incidents, in Chromium. */
class AuditViewE2E extends PortalTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestVendors testVendors;

    @Test
    void an_admin_finds_a_change_in_the_audit_log_by_filtering_opens_its_diff_and_exports_the_filtered_rows()
            throws IOException {
        TestVendor vendor = testVendors.create("e2e-audit");
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");

        // The audited change, made in the portal: the admin suspends the vendor
        open("vendors/" + vendor.id());
        page.locator("#suspend-vendor").click();
        page.locator("#suspend-reason").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Outage")).click();
        page.locator("#suspend-reason-text textarea").fill("Vendor cloud outage in eu-west");
        page.locator("#suspend-confirmation input").fill(vendor.slug());
        page.locator("#suspend-confirm").click();
        assertThat(page.locator("#suspension-banner")).containsText("Vendor cloud outage in eu-west");

        page.locator("#main-nav vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit log")).click();
        assertThat(page.locator("#audit-view")).isVisible();
        page.locator("#audit-verify").click();
        assertThat(page.locator("#chain-status")).containsText("intact through event");

        choose("#audit-filter-action", "VENDOR_SUSPENDED");
        type("#audit-filter-target-type", "vendor");
        type("#audit-filter-target-id", String.valueOf(vendor.id()));

        Locator cell = page.locator("#audit-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("VENDOR_SUSPENDED")).first();
        assertThat(page.locator("#audit-grid")).containsText("vendor " + vendor.id());
        assertThat(page.locator("#audit-grid")).containsText(DemoAccounts.ADMIN);
        cell.click();
        assertThat(page.locator("#audit-detail")).containsText("VENDOR_SUSPENDED");
        Locator changed = page.locator("#audit-diff .diff-changed");
        assertThat(changed).containsText("status");
        assertThat(changed.locator(".diff-before")).hasText("ACTIVE");
        assertThat(changed.locator(".diff-after")).hasText("SUSPENDED");
        assertThat(page.locator("#audit-diff .diff-added").filter(new Locator.FilterOptions().setHasText("reasonText")))
                .containsText("Vendor cloud outage in eu-west");

        Download download = page.waitForDownload(() -> page.locator("#audit-export").click());
        List<CSVRecord> rows = csv(download);
        long expected = jdbc.queryForObject("select count(*) from audit_event where action = 'VENDOR_SUSPENDED' "
                + "and target_type = 'vendor' and target_id = ?", Long.class, String.valueOf(vendor.id()));
        assertThat(rows).hasSize((int) expected).hasSize(1);
        assertThat(rows.getFirst().get("action")).isEqualTo("VENDOR_SUSPENDED");
        assertThat(rows.getFirst().get("target_id")).isEqualTo(String.valueOf(vendor.id()));
        assertThat(rows.getFirst().get("actor")).isEqualTo(DemoAccounts.ADMIN);
        assertThat(rows.getFirst().get("after")).contains("SUSPENDED");
        assertThat(download.suggestedFilename()).startsWith("audit-").endsWith(".csv");
    }

    @Test
    void an_incident_opened_by_an_isolation_violation_shows_its_exposure_report() throws IOException {
        TestData data = new TestData(jdbc);
        long vendor = data.vendor("e2e-exposure");
        long exposed = data.household("The Exposed household");
        long viewer = data.household("The Viewer household");
        long other = data.household("The Other viewer household");
        long camera = data.device(vendor, exposed, "CAMERA", "Nursery camera");
        long display = data.device(null, viewer, "DISPLAY", "Kitchen display");
        long otherDisplay = data.device(null, other, "DISPLAY", "Hall display");
        AuditActor guard = AuditActor.system("decision: owner mismatch");
        Instant at = Instant.parse("2026-11-23T21:14:00Z");
        long incident = incidents.reportViolation(guard, violation(vendor, camera, display, viewer, at));
        incidents.reportViolation(guard, violation(vendor, camera, display, viewer, at.plusSeconds(40)));
        incidents.reportViolation(guard, violation(vendor, camera, otherDisplay, other, at.plusSeconds(90)));

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        page.locator("#main-nav vaadin-side-nav-item", new Page.LocatorOptions()
                .setHasText("Incidents")).click();
        assertThat(page.locator("#incident-grid")).containsText("Isolation violation");
        open("incidents/" + incident);

        assertThat(page.locator("#incident-badges")).containsText("SEV1");
        assertThat(page.locator("#incident-badges")).containsText("Open");
        assertThat(page.locator("#incident-facts")).containsText("Test vendor e2e-exposure");
        assertThat(page.locator("#exposure-households .stat-value")).hasText("3");
        assertThat(page.locator("#exposure-exposed .stat-value")).hasText("1");
        assertThat(page.locator("#exposure-violations .stat-value")).hasText("3");
        assertThat(page.locator("#exposure-window")).containsText("23 Nov 2026, 21:14:00 UTC");
        Locator report = page.locator("#exposure-grid");
        assertThat(report).containsText("The Exposed household");
        assertThat(report).containsText("The Viewer household");
        assertThat(report).containsText("The Other viewer household");
        assertThat(report).containsText("Nursery camera");
        assertThat(page.locator("#incident-timeline")).containsText("Opened by the first isolation violation");

        Download download = page.waitForDownload(() -> page.locator("#exposure-export").click());
        List<CSVRecord> rows = csv(download);
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().get("exposed_household")).isEqualTo("The Exposed household");
        assertThat(rows.getFirst().get("exposed_email")).isEqualTo(data.email(exposed));
        assertThat(rows.getFirst().get("viewer_email")).isEqualTo(data.email(viewer));
        assertThat(rows.getFirst().get("times")).isEqualTo("2");
    }

    @Test
    void a_partner_manager_reads_only_their_vendors_events_and_cannot_verify_the_chain() {
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        assertMenu("My vendors", "Links", "Devices", "Rollouts", "Webhook deliveries", "Audit log", "Compatibility");
        open("audit");

        assertThat(page.locator("#audit-view")).isVisible();
        assertThat(page.locator("#audit-verify")).isHidden();
        page.locator("#audit-filter-vendor input").click();
        assertThat(page.locator("vaadin-combo-box-item")).hasText(exactly("LumaCam"));
        open("admin/incidents");
        assertThat(page.locator("#not-available")).isVisible();
    }

    private void choose(String comboBox, String value) {
        Locator input = page.locator(comboBox + " input");
        input.fill(value);
        input.press("Enter");
        assertThat(input).hasValue(value);
    }

    private void type(String field, String value) {
        Locator input = page.locator(field + " input");
        input.fill(value);
        input.press("Enter");
    }

    private static List<CSVRecord> csv(Download download) throws IOException {
        try (Reader reader = Files.newBufferedReader(download.path())) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static IsolationViolation violation(long vendor, long source, long target, long requester, Instant at) {
        return new IsolationViolation(at, vendor, source, target, requester, "OWNER_MISMATCH", null, null,
                Map.of("cacheKey", "k-" + source + "-" + target));
    }
}
