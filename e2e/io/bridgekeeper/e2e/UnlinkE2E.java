package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.vendor.VendorApiKeyService;
import io.bridgekeeper.webhook.FakeVendorEndpoint;
import io.bridgekeeper.support.TestSecrets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A household links a vendor account (the test plays the vendor through the partner API), sees its
 * devices, unlinks a camera and watches the receipt reach "vendor acknowledged" (the vendor's webhook
 * endpoint runs on loopback); another household never sees those devices, not even by URL.
 */
class UnlinkE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;

    @Test
    void a_household_links_sees_its_devices_unlinks_a_camera_and_the_vendor_acknowledges() throws Exception {
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> 200)) {
            String slug = "e2e-cams-" + UUID.randomUUID().toString().substring(0, 6);
            long vendor = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                    + "values (?, 'Owlet Cams', 'ACTIVE', ?, ?) returning id", Long.class, slug, endpoint.url(),
                    TestSecrets.sealed("e2e-secret"));
            PartnerApi owlet = PartnerApi.forVendor(port, vendor, keys, users);
            String household = "household030@example.com";

            signInAndWait(household, "my-home");
            page.locator("#link-vendor").click();
            page.locator("#link-vendor-select").click();
            page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Owlet Cams")).click();
            page.locator("#link-code-create").click();
            assertThat(page.locator("#link-code")).hasText(Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}"));
            String code = page.locator("#link-code").textContent().strip();

            String external = "owl-" + UUID.randomUUID().toString().substring(0, 6);
            assertThat201(owlet.completeLink(code, external).statusCode());
            owlet.syncDevices(external, external + "-cam:CAMERA:Attic camera", external + "-bell:DOORBELL:Gate doorbell");
            long camera = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, external + "-cam");
            long doorbell = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, external + "-bell");

            page.locator("#link-vendor-close").click();
            page.reload();
            assertThat(page.locator("#link-" + slug)).containsText("Owlet Cams");
            assertThat(page.locator("#device-" + camera)).containsText("Attic camera");
            assertThat(page.locator("#may-show-" + camera)).containsText("May be shown on");
            String displays = String.join(", ", jdbc.queryForList("select d.name from device d join account a "
                    + "on a.id = d.owner_account_id where a.email = ? and d.kind = 'DISPLAY' order by d.name",
                    String.class, household));
            assertThat(page.locator("#may-show-" + camera)).containsText(displays.split(", ")[0]);

            page.locator("#unlink-device-" + camera).click();
            assertThat(page.locator("#unlink-consequences")).containsText("Attic camera");
            assertThat(page.locator("#unlink-consequences")).containsText("Owlet Cams is told to disconnect");
            page.locator("#confirm-unlink").click();

            assertThat(page).hasURL(Pattern.compile(".*/home/receipts/\\d+$"));
            assertThat(page.locator("#step-link-ended-state")).hasText("Done");
            assertThat(page.locator("#step-access-revoked-state")).hasText("Done");
            assertThat(page.locator("#step-vendor-notified-state")).hasText("Vendor acknowledged",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
            String receiptUrl = page.url();
            // plain words first; the epoch and the webhook's delivery are folded away for support
            assertThat(page.locator("#step-link-ended")).not().containsText("epoch");
            assertThat(page.locator("#receipt-support")).containsText("Details for support");
            page.locator("#receipt-support vaadin-details-summary").click();
            assertThat(page.locator("#receipt-support")).containsText("Link epoch");
            screenshot("unlink-receipt");
            org.assertj.core.api.Assertions.assertThat(endpoint.received()).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(endpoint.received().getFirst().body())
                    .contains(external + "-cam").contains("\"DEVICE\"");

            open("home");
            assertThat(page.locator("#device-" + doorbell)).containsText("Gate doorbell");
            assertThat(page.locator("#device-" + camera)).hasCount(0);
            // the receipt stays reachable from My home
            String receiptId = receiptUrl.substring(receiptUrl.lastIndexOf('/') + 1);
            assertThat(page.locator("#receipt-" + receiptId)).containsText("Attic camera unlinked from Owlet Cams");
            page.locator("#receipt-" + receiptId + " a").click();
            assertThat(page.locator("#step-vendor-notified-state")).hasText("Vendor acknowledged");
            open("home");

            // another household: not in its home, not by typing the device's or the receipt's URL
            switchUser();
            signInAndWait("household031@example.com", "my-home");
            assertThat(page.locator("#device-groups")).not().containsText("Gate doorbell");
            assertThat(page.locator("#receipt-" + receiptId)).hasCount(0);
            open("home/devices/" + doorbell);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("#household-device")).hasCount(0);
            page.navigate(receiptUrl);
            assertThat(page.locator("#not-available")).isVisible();
            assertThat(page.locator("#unlink-receipt")).hasCount(0);

            // while its owner opens it
            switchUser();
            signInAndWait(household, "my-home");
            open("home/devices/" + doorbell);
            assertThat(page.locator("#household-device")).containsText("Gate doorbell");
            assertThat(page.locator("#may-be-shown-on")).containsText(displays.split(", ")[0]);
            Locator notShown = page.locator("#may-be-shown-on");
            assertThat(notShown).not().containsText("household031");
        }
    }

    private static void assertThat201(int status) {
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(201);
    }
}
