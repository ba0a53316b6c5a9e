package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.bridgekeeper.decision.AccessLog;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestSecrets;
import io.bridgekeeper.vendor.SuspendCommand;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorApiKeyService;
import io.bridgekeeper.vendor.VendorService;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A household disables its camera in My home; it unlinks and relinks the vendor account (the test
 * plays the vendor through the partner API), an admin suspends and resumes the vendor (through the
 * services), and the camera is still disabled: in My home and in the decision API.
 */
class HouseholdChoicesE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    SuspensionService suspensions;
    @Autowired
    VendorService vendors;
    @Autowired
    DecisionFixture fixture;
    @Autowired
    RunAs run;
    @Autowired
    AccessLog accessLog;

    /** An active camera vendor of the test's own, with every capability and a stable cache version. */
    static long cameraVendor(JdbcTemplate jdbc, String slug, String name) {
        long vendor = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) "
                + "values (?, ?, 'ACTIVE', ?) returning id", Long.class, slug, name, TestSecrets.sealed("e2e-secret"));
        for (String cap : new String[] {"CAMERA_STREAM", "SNAPSHOT", "CONTROL"}) {
            jdbc.update("insert into vendor_capability (vendor_id, capability) values (?, ?)", vendor, cap);
        }
        jdbc.update("insert into cache_version (vendor_id, label, stable) values (?, 'v1', true)", vendor);
        return vendor;
    }

    /** The household asks for a link code in My home, as a person does; returns the code. */
    String linkCodeInBrowser(String vendorName) {
        page.locator("#link-vendor").click();
        page.locator("#link-vendor-select").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(vendorName)).click();
        page.locator("#link-code-create").click();
        assertThat(page.locator("#link-code")).hasText(Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}"));
        String code = page.locator("#link-code").textContent().strip();
        page.locator("#link-vendor-close").click();
        return code;
    }

    long version(long vendor) {
        return run.as(DemoAccounts.ADMIN, () -> vendors.detail(vendor).version());
    }

    @Test
    void a_disabled_camera_stays_disabled_through_relink_suspension_and_resume() {
        String slug = TestData.unique("e2e-choice");
        long vendor = cameraVendor(jdbc, slug, "Heron Cams");
        PartnerApi heron = PartnerApi.forVendor(port, vendor, keys, users);
        String household = "household271@example.com";
        long account = jdbc.queryForObject("select id from account where email = ?", Long.class, household);
        String display = jdbc.queryForObject("select vendor_device_id from device where owner_account_id = ? "
                + "and kind = 'DISPLAY' and vendor_id is null order by id limit 1", String.class, account);
        String external = TestData.unique("heron");
        String cameraId = external + "-cam";

        signInAndWait(household, "my-home");
        org.assertj.core.api.Assertions.assertThat(heron.completeLink(linkCodeInBrowser("Heron Cams"), external)
                .statusCode()).isEqualTo(201);
        heron.syncDevices(external, cameraId + ":CAMERA:Nursery camera", external + "-light:LIGHT:Hall light");
        long camera = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, cameraId);
        long link = jdbc.queryForObject("select id from account_link where external_account_id = ?", Long.class, external);
        try (DecisionClient decisions = new DecisionClient(port, fixture.credential())) {
            fixture.sync();
            String key = decisions.resolve(slug, cameraId).cacheKey();
            org.assertj.core.api.Assertions.assertThat(decisions.authorize(slug, cameraId, display, account, key).outcome())
                    .isEqualTo("ALLOW");

            // the household turns the camera off in My home
            page.reload();
            assertThat(page.locator("#device-" + camera)).containsText("Nursery camera");
            page.locator("#disable-device-" + camera).click();
            assertThat(page.locator("#device-" + camera)).containsText("Disabled");
            assertThat(page.locator("#enable-device-" + camera)).isVisible();

            // it unlinks the account and links it again; the vendor syncs the same devices
            page.locator("#unlink-link-" + link).click();
            page.locator("#confirm-unlink").click();
            assertThat(page).hasURL(Pattern.compile(".*/home/receipts/\\d+$"));
            open("home");
            assertThat(page.locator("#device-" + camera)).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(heron.completeLink(linkCodeInBrowser("Heron Cams"), external)
                    .body()).contains("\"relinked\":true");
            heron.syncDevices(external, cameraId + ":CAMERA:Nursery camera", external + "-light:LIGHT:Hall light");

            // an admin suspends the vendor and resumes it
            run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(vendor, version(vendor), true, null,
                    SuspensionReason.OUTAGE, "Heron's cloud is down", null, slug)));
            run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(vendor, version(vendor), "the fault is fixed"));

            page.reload();
            assertThat(page.locator("#link-" + slug)).containsText("Linked");
            assertThat(page.locator("#device-" + camera)).containsText("Nursery camera");
            assertThat(page.locator("#device-" + camera)).containsText("Disabled");
            assertThat(page.locator("#enable-device-" + camera)).isVisible();
            page.setViewportSize(1280, 1400); // the layout scrolls inside: a tall viewport shows the whole home
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "e2e-screenshots", "my-home-disabled-after-relink-and-resume.png")));
            fixture.sync();
            org.assertj.core.api.Assertions.assertThat(decisions.authorize(slug, cameraId, display, account, key).reason())
                    .isEqualTo("DEVICE_DISABLED");
            org.assertj.core.api.Assertions.assertThat(decisions.resolve(slug, cameraId).reason())
                    .isEqualTo("DEVICE_DISABLED");

            // the light, never disabled, came back active
            long light = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class,
                    external + "-light");
            assertThat(page.locator("#device-" + light)).not().containsText("Disabled");

            // the camera's own page: nowhere to be shown while it is off, and the refusal in its access history
            String displayName = jdbc.queryForObject("select name from device where vendor_device_id = ? and vendor_id is null",
                    String.class, display);
            accessLog.flush();
            open("home/devices/" + camera);
            assertThat(page.locator("#household-device")).containsText("Nowhere while you keep it off.");
            assertThat(page.locator("#access-history li").first()).containsText(
                    displayName + " asked for the live stream: refused, the camera or the display was turned off");
            screenshot("household-device-off");

            // it turns the camera on again from there; the next request is shown, and says so
            page.locator("#device-enable").click();
            assertThat(page.locator("#device-disable")).isVisible();
            assertThat(page.locator("#may-be-shown-on")).containsText(displayName);
            fixture.sync();
            org.assertj.core.api.Assertions.assertThat(decisions.authorize(slug, cameraId, display, account,
                    decisions.resolve(slug, cameraId).cacheKey()).outcome()).isEqualTo("ALLOW");
            accessLog.flush();
            page.reload();
            assertThat(page.locator("#access-history li").first()).containsText(
                    displayName + " asked for the live stream: shown");
            screenshot("household-device-access-history");
        }
    }
}
