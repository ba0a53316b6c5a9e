package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The vendor lists household A's camera under household B's account: A is told in My home that the
 * camera is on hold, B reviews and confirms the move in My home, and the camera is B's.
 */
class ConfirmMoveE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    LinkService links;
    @Autowired
    RunAs run;

    String link(PartnerApi vendor, long vendorId, String household) {
        String external = TestData.unique("kite");
        String code = run.as(household, () -> links.startLink(vendorId).code());
        org.assertj.core.api.Assertions.assertThat(vendor.completeLink(code, external).statusCode()).isEqualTo(201);
        return external;
    }

    long device(String vendorDeviceId) {
        return jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, vendorDeviceId);
    }

    @Test
    void the_new_household_confirms_a_move_in_my_home() {
        String slug = TestData.unique("e2e-move");
        long vendor = HouseholdChoicesE2E.cameraVendor(jdbc, slug, "Kite Cams");
        PartnerApi kite = PartnerApi.forVendor(port, vendor, keys, users);
        String a = "household272@example.com";
        String b = "household273@example.com";
        String extA = link(kite, vendor, a);
        String extB = link(kite, vendor, b);
        String cam = extA + "-cam";
        String porch = extB + "-porch";
        kite.syncDevices(extA, cam + ":CAMERA:Greenhouse camera");
        kite.syncDevices(extB, porch + ":CAMERA:Porch camera");
        long camera = device(cam);
        long porchCamera = device(porch);

        // B turns its own porch camera off in My home
        signInAndWait(b, "my-home");
        page.locator("#disable-device-" + porchCamera).click();
        assertThat(page.locator("#device-" + porchCamera)).containsText("Disabled");

        // the vendor lists A's garden camera under B's account too
        kite.syncDevices(extB, porch + ":CAMERA:Porch camera", cam + ":CAMERA:Greenhouse camera");
        long move = jdbc.queryForObject("select id from device_move where device_id = ? and status = 'PENDING'",
                Long.class, camera);

        // A is told its camera is on hold
        switchUser();
        signInAndWait(a, "my-home");
        assertThat(page.locator("#device-" + camera)).containsText("On hold");
        assertThat(page.locator("#move-notice-" + camera)).containsText("under another household's account");
        page.setViewportSize(1280, 1400); // the layout scrolls inside: a tall viewport shows the whole home
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "e2e-screenshots", "my-home-camera-on-hold.png")));

        // B sees the move waiting, beside its disabled camera, and confirms it
        switchUser();
        signInAndWait(b, "my-home");
        assertThat(page.locator("#move-" + move)).containsText("Greenhouse camera");
        assertThat(page.locator("#move-" + move)).containsText(extB);
        assertThat(page.locator("#device-" + camera)).hasCount(0);
        assertThat(page.locator("#device-" + porchCamera)).containsText("Disabled");
        page.setViewportSize(1280, 1400); // the layout scrolls inside: a tall viewport shows the whole home
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "e2e-screenshots", "my-home-pending-move-and-disabled.png")));
        page.locator("#review-move-" + move).click();
        assertThat(page.locator("#move-consequences")).containsText("Greenhouse camera");
        assertThat(page.locator("#move-consequences")).containsText("loses it at once");
        page.locator("#confirm-move").click();

        assertThat(page.locator("#device-" + camera)).containsText("Greenhouse camera");
        assertThat(page.locator("#move-" + move)).hasCount(0);
        assertThat(page.locator("#device-" + porchCamera)).containsText("Disabled");
        long accountB = jdbc.queryForObject("select id from account where email = ?", Long.class, b);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select owner_account_id || ' ' || state from device where id = ?", String.class, camera))
                .isEqualTo(accountB + " ACTIVE");

        // and A's home no longer has it
        switchUser();
        signInAndWait(a, "my-home");
        assertThat(page.locator("#device-" + camera)).hasCount(0);
    }

    @Test
    void an_admin_keeps_a_held_camera_with_its_household_after_seeing_what_that_touches() {
        String slug = TestData.unique("e2e-keep");
        long vendor = HouseholdChoicesE2E.cameraVendor(jdbc, slug, "Wren Cams");
        PartnerApi wren = PartnerApi.forVendor(port, vendor, keys, users);
        String a = "household274@example.com";
        String b = "household275@example.com";
        String extA = link(wren, vendor, a);
        String extB = link(wren, vendor, b);
        String cam = extA + "-cam";
        wren.syncDevices(extA, cam + ":CAMERA:Shed camera");
        wren.syncDevices(extB, cam + ":CAMERA:Shed camera");
        long camera = device(cam);

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("devices/" + camera);
        assertThat(page.locator("#pending-move")).containsText(a);
        assertThat(page.locator("#pending-move")).containsText(b);
        page.locator("#resolve-move-keep").click();
        assertThat(page.locator("#resolve-move-consequences")).containsText(a + " keeps the device");
        assertThat(page.locator("#resolve-move-confirm")).isDisabled();
        page.locator("#resolve-move-reason").locator("textarea").fill("A showed the receipt");
        page.locator("#resolve-move-confirm").click();

        assertThat(page.locator("#pending-move")).hasCount(0);
        assertThat(page.locator("#device-facts")).containsText("Active");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select status || ' ' || resolution from device_move where device_id = ?", String.class, camera))
                .isEqualTo("REJECTED A showed the receipt");
    }
}
