package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.OAuthLinkService;
import io.bridgekeeper.link.OAuthSettingsForm;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestSecrets;
import io.bridgekeeper.support.VendorAuthorizationServer;
import io.bridgekeeper.webhook.FakeVendorEndpoint;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 22 as a household does it in Chromium: "Link a vendor account" sends it to the vendor's own
 * sign-in and consent pages (a real authorization server, {@link VendorAuthorizationServer}), it comes
 * back to My home with its devices, unlinks, and the receipt shows the vendor revoked the platform's
 * access; the vendor then refuses the old refresh token. The partner manager sees the settings and
 * tests the connection on the vendor's page.
 */
class OAuthLinkE2E extends PortalTest {

    static final String CLIENT = "bridgekeeper";
    static final String SECRET = "e2e-client-secret";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @Autowired
    OAuthLinkService oauth;
    @Autowired
    SecretSealer sealer;

    @Test
    void a_household_links_through_the_vendors_sign_in_sees_its_devices_unlinks_and_the_vendor_revokes_the_tokens()
            throws Exception {
        String slug = "e2e-oauth-" + UUID.randomUUID().toString().substring(0, 6);
        try (FakeVendorEndpoint webhooks = new FakeVendorEndpoint(n -> 200);
             VendorAuthorizationServer vendor = VendorAuthorizationServer.start(CLIENT, SECRET,
                     List.of(url("oauth2/callback/" + slug)))) {
            long vendorId = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                    + "values (?, 'Heron Home', 'ACTIVE', ?, ?) returning id", Long.class, slug, webhooks.url(),
                    TestSecrets.sealed("e2e-secret"));
            jdbc.update("insert into vendor_capability (vendor_id, capability) values (?, 'SNAPSHOT')", vendorId);
            runAs.as(DemoAccounts.ADMIN, () -> oauth.saveSettings(vendorId, new OAuthSettingsForm(true,
                    vendor.authorizationUri(), vendor.tokenUri(), vendor.revocationUri(), vendor.devicesUri(), CLIENT,
                    SECRET, "devices.read offline_access", true)));
            vendor.addUser("mara", "heron-pw");
            vendor.setDevices("mara", List.of(
                    Map.of("id", slug + "-porch", "kind", "CAMERA", "name", "Porch camera"),
                    Map.of("id", slug + "-gate", "kind", "DOORBELL", "name", "Gate bell")));

            signInAndWait("household041@example.com", "my-home");
            page.locator("#link-vendor").click();
            page.locator("#link-vendor-select").click();
            page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Heron Home")).click();
            assertThat(page.locator("#link-oauth-intro")).containsText("You will sign in at Heron Home");
            assertThat(page.locator("#link-code-create")).isHidden();
            page.locator("#link-oauth-continue").click();
            signInAndConsentAtTheVendor(vendor, "mara", "heron-pw", "oauth-vendor-consent");

            // back on My home, linked, with the devices the vendor listed
            page.waitForURL(Pattern.compile(".*/home$"));
            assertThat(page.locator("#oauth-notice")).containsText("Your Heron Home account is linked: 2 device(s) arrived.");
            assertThat(page.locator("#link-" + slug)).containsText("Linked by signing in at Heron Home");
            assertThat(page.locator("#device-groups")).containsText("Porch camera");
            assertThat(page.locator("#device-groups")).containsText("Gate bell");
            screenshot("oauth-linked-home");
            long link = jdbc.queryForObject("select id from account_link where vendor_id = ? and status = 'LIVE'",
                    Long.class, vendorId);
            String refresh = sealer.unsealText(jdbc.queryForObject("select refresh_token from link_token where link_id = ?",
                    String.class, link));
            assertThat(vendor.isRefreshTokenActive(refresh)).isTrue();

            page.locator("#unlink-link-" + link).click();
            assertThat(page.locator("#unlink-consequences")).containsText("Porch camera");
            page.locator("#confirm-unlink").click();
            assertThat(page).hasURL(Pattern.compile(".*/home/receipts/\\d+$"));
            assertThat(page.locator("#step-tokens-revoked")).containsText("Access revoked at Heron Home");
            assertThat(page.locator("#step-tokens-revoked-state")).hasText("Revoked",
                    new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(page.locator("#step-tokens-revoked")).containsText("the vendor answered: HTTP 2xx");
            screenshot("oauth-unlink-receipt");
            assertThat(vendor.isRefreshTokenActive(refresh)).isFalse();
            assertThat(vendor.refreshAnswer(CLIENT, SECRET, refresh)).contains("invalid_grant");
        }
    }

    @Test
    void the_partner_manager_sees_the_settings_without_the_secret_and_tests_the_connection() {
        try (VendorAuthorizationServer vendor = VendorAuthorizationServer.start(CLIENT, SECRET,
                List.of(url("oauth2/callback/lumacam")))) {
            long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
            signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
            open("vendors/" + lumacam);
            assertThat(page.locator("#oauth-method")).hasText("One-time code");
            page.locator("#oauth-edit").click();
            page.locator("#oauth-enabled").click();
            page.locator("#oauth-authorization-uri input").fill("http://10.1.2.3/authorize");
            page.locator("#oauth-token-uri input").fill(vendor.tokenUri());
            page.locator("#oauth-revocation-uri input").fill(vendor.revocationUri());
            page.locator("#oauth-devices-uri input").fill(vendor.devicesUri());
            page.locator("#oauth-client-id input").fill(CLIENT);
            page.locator("#oauth-client-secret input").fill(SECRET);
            page.locator("#oauth-scopes input").fill("devices.read offline_access");
            page.locator("#oauth-save").click();
            // an address inside the platform's network is refused where it was typed
            assertThat(page.locator("#oauth-authorization-uri")).hasAttribute("invalid", "");
            assertThat(page.locator("#oauth-authorization-uri")).containsText("https");
            page.locator("#oauth-authorization-uri input").fill(vendor.authorizationUri());
            page.locator("#oauth-save").click();
            assertThat(page.locator("#oauth-method")).hasText("OAuth 2.0");
            assertThat(page.locator("#vendor-oauth")).not().containsText(SECRET);
            page.locator("#oauth-test").click();
            assertThat(page.locator("#oauth-check-token")).containsText("OK");
            assertThat(page.locator("#oauth-check-devices")).containsText("OK");
            screenshot("oauth-vendor-settings");
        } finally {
            // the demo vendor links by code again for the other tests
            jdbc.update("delete from vendor_oauth where vendor_id = (select id from vendor where slug = 'lumacam')");
        }
    }

    @Test
    void a_link_the_vendor_stopped_renewing_asks_the_household_to_link_again_and_signing_in_renews_it() {
        String slug = "e2e-relink-" + UUID.randomUUID().toString().substring(0, 6);
        try (VendorAuthorizationServer vendor = VendorAuthorizationServer.start(CLIENT, SECRET,
                List.of(url("oauth2/callback/" + slug)))) {
            long vendorId = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) "
                    + "values (?, 'Kestrel Cams', 'ACTIVE', ?) returning id", Long.class, slug, TestSecrets.sealed("s"));
            runAs.as(DemoAccounts.ADMIN, () -> oauth.saveSettings(vendorId, new OAuthSettingsForm(true,
                    vendor.authorizationUri(), vendor.tokenUri(), vendor.revocationUri(), vendor.devicesUri(), CLIENT,
                    SECRET, "devices.read offline_access", true)));
            vendor.addUser("ines", "kestrel-pw");
            vendor.setDevices("ines", List.of(Map.of("id", slug + "-yard", "kind", "CAMERA", "name", "Yard camera")));

            signInAndWait("household042@example.com", "my-home");
            page.locator("#link-vendor").click();
            page.locator("#link-vendor-select").click();
            page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Kestrel Cams")).click();
            page.locator("#link-oauth-continue").click();
            signInAndConsentAtTheVendor(vendor, "ines", "kestrel-pw", null);
            page.waitForURL(Pattern.compile(".*/home$"));
            assertThat(page.locator("#link-state-" + slug)).hasText("Linked");

            // the household withdrew its consent at the vendor, and the vendor refused the next refresh
            // (OAuthLinkingIT drives that refusal through the refresh job; here the page's side of it)
            vendor.revokeAllFor("ines");
            jdbc.update("update account_link set needs_relink = true where vendor_id = ? and status = 'LIVE'", vendorId);
            page.reload();
            assertThat(page.locator("#link-state-" + slug)).hasText("Needs re-linking");
            assertThat(page.locator("#relink-why-" + slug)).containsText("Kestrel Cams no longer accepts");
            long yard = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, slug + "-yard");
            assertThat(page.locator("#may-show-" + yard))
                    .hasText("Not shown on any display until you link your Kestrel Cams account again");
            screenshot("oauth-needs-relink");

            page.locator("#relink-" + slug).click();
            signInAndConsentAtTheVendor(vendor, "ines", "kestrel-pw", null);
            page.waitForURL(Pattern.compile(".*/home$"));
            assertThat(page.locator("#oauth-notice")).containsText("Your Kestrel Cams account is linked");
            assertThat(page.locator("#link-state-" + slug)).hasText("Linked");
            assertThat(page.locator("#may-show-" + yard)).containsText("May be shown on");
            assertThat(jdbc.queryForObject("select count(*) from account_link where vendor_id = ?", Long.class, vendorId))
                    .as("the same link, renewed").isEqualTo(1L);
        }
    }

    /** The vendor's own sign-in and consent pages, on the vendor's server; a screenshot of the consent when named. */
    private void signInAndConsentAtTheVendor(VendorAuthorizationServer vendor, String user, String password,
                                             String screenshot) {
        // signed in at the vendor already (its own session) and the vendor goes straight to its consent page
        page.waitForURL(Pattern.compile("http://localhost:" + vendor.port() + "/(login|oauth2/authorize).*"));
        if (page.url().contains("/login")) {
            page.locator("input[name='username']").fill(user);
            page.locator("input[name='password']").fill(password);
            page.locator("button[type='submit']").click();
            page.waitForURL(Pattern.compile("http://localhost:" + vendor.port() + "/oauth2/authorize.*"));
        }
        if (screenshot != null) {
            screenshot(screenshot);
        }
        page.locator("input[name='scope'][value='devices.read']").check();
        page.locator("input[name='scope'][value='offline_access']").check();
        page.locator("#submit-consent").click();
    }
}
