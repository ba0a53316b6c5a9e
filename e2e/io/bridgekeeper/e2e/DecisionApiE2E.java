package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.TestData;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decision API's admin page as an operator uses it: a service credential is created (its key
 * shown once), works against the API, is revoked after a confirmation and is refused from then on;
 * the signing secret is rotated and a cache key signed before still verifies. Other roles cannot
 * open the page.
 */
class DecisionApiE2E extends PortalTest {

    private static final String RESOLVE_BODY = """
            {"vendor": "lumacam", "deviceId": "e2e-no-such-camera"}""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionFixture decisions;

    @Test
    void an_admin_creates_a_credential_sees_its_key_once_and_revoking_it_cuts_the_api_off() {
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        menuItems().filter(new Locator.FilterOptions().setHasText("Decision API")).click();
        assertThat(page.locator("#decision-api-view")).isVisible();
        assertThat(page.locator("#secret-grid")).containsText("Active: signs");
        long refusedBefore = figure("#stat-resolve-refused");

        // The name is checked in the form before anything is created
        page.locator("#new-credential").click();
        page.locator("#credential-create").click();
        assertThat(page.locator("#credential-name")).containsText("Give the credential a name");
        String name = TestData.unique("e2e data plane");
        page.locator("#credential-name input").fill(name);
        assertThat(page.locator("#credential-name")).not().containsText("Give the credential a name");
        page.locator("#credential-create").click();

        // The key is shown once, in full, with a way to copy it
        Locator keyField = page.locator("#credential-key textarea");
        assertThat(keyField).hasValue(Pattern.compile("^bkd_[0-9a-f]{12}_[0-9a-f]{64}$"));
        String key = keyField.inputValue();
        String prefix = key.substring(4, 16);
        assertThat(page.locator("#credential-key-warning")).containsText("You will not see it again");
        page.locator("#credential-key-copy").click();
        assertThat(page.locator("#credential-key-copy")).hasText(Pattern.compile("Copied|Selected: press Ctrl\\+C"));
        screenshot("decision-api-key-once");
        page.locator("#credential-key-done").click();
        assertThat(page.locator("#credential-key")).hasCount(0);
        assertThat(page.locator("#credential-grid")).containsText(name);
        assertThat(page.locator("#credential-grid")).containsText("bkd_" + prefix + "_…");
        assertThat(page.locator("#credential-state-" + prefix)).hasText("Live");
        String secretPart = key.substring(17);
        assertThat(page.content()).doesNotContain(secretPart);
        page.reload();
        assertThat(page.locator("#credential-grid")).containsText(name);
        assertThat(page.content()).as("the key after a reload").doesNotContain(secretPart);

        try (DecisionClient api = new DecisionClient(port, key)) {
            // The data plane uses the key
            Answer accepted = api.postRaw("/resolve", RESOLVE_BODY);
            assertThat(accepted.status()).as(accepted.body().toString()).isNotEqualTo(401).isEqualTo(200);

            // ... which this node counts, and the credential shows its use
            page.locator("#decision-api-refresh").click();
            assertThat(page.locator("#stat-resolve-refused .stat-value")).hasText(String.format("%,d", refusedBefore + 1));
            assertThat(page.locator("#denied-by-reason")).containsText("Unknown device");
            assertThat(page.locator("#credential-grid vaadin-grid-cell-content", new Page.LocatorOptions()
                    .setHasText("bkd_" + prefix))).containsText(Pattern.compile("Last used: \\d{1,2} \\w{3} \\d{4}"));

            // The admin revokes it; the dialog says what it touches before anything happens
            page.locator("#revoke-credential-" + prefix).click();
            assertThat(page.locator("#revoke-credential-name")).hasText(name);
            assertThat(page.locator("#revoke-credential-key")).hasText("bkd_" + prefix + "_…");
            assertThat(page.locator("#revoke-credential-last-used")).not().hasText("never");
            assertThat(page.locator("#revoke-credential-effect")).containsText("refused at once");
            assertThat(page.locator("#revoke-credential-effect")).containsText("401");
            screenshot("decision-api-revoke-dialog");
            page.locator("#revoke-credential-confirm").click();
            assertThat(page.locator("#credential-state-" + prefix)).hasText("Revoked");
            assertThat(page.locator("#revoke-credential-" + prefix)).hasCount(0);

            // ... and the same call is refused from then on
            Answer refused = api.postRaw("/resolve", RESOLVE_BODY);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
        }
        long id = jdbc.queryForObject("select id from service_credential where key_prefix = ?", Long.class, prefix);
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'service_credential' "
                + "and target_id = ? order by id", String.class, String.valueOf(id)))
                .containsExactly("SERVICE_CREDENTIAL_CREATED", "SERVICE_CREDENTIAL_REVOKED");
    }

    @Test
    void an_admin_rotates_the_signing_secret_and_keys_signed_before_still_verify() {
        Vendor vendor = decisions.vendor("e2e-rotate");
        Household household = decisions.household(vendor);
        String active = jdbc.queryForObject("select kid from cache_key_secret where status = 'ACTIVE'", String.class);
        try (DecisionClient api = new DecisionClient(port, decisions.credential())) {
            String cacheKey = api.resolve(vendor.slug(), household.cameraId()).cacheKey();

            signInAndWait(DemoAccounts.ADMIN, "admin-overview");
            open("admin/decision-api");
            assertThat(page.locator("#secret-status-" + active)).hasText("Active: signs");
            page.locator("#rotate-secret").click();
            assertThat(page.locator("#rotate-secret-effects")).containsText(
                    "Keys signed by " + active + " (active now) stay valid: " + active + " keeps verifying until the next rotation.");
            screenshot("decision-api-rotate-dialog");
            page.locator("#rotate-secret-confirm").click();

            assertThat(page.locator("#secret-status-" + active)).hasText("Verifies only");
            String next = jdbc.queryForObject("select kid from cache_key_secret where status = 'ACTIVE'", String.class);
            assertThat(next).isNotEqualTo(active);
            assertThat(page.locator("#secret-status-" + next)).hasText("Active: signs");
            screenshot("decision-api-admin");

            // what the dialog promised: a key signed by the previous secret is still good
            decisions.sync();
            Answer allowed = api.authorize(vendor.slug(), household.cameraId(), household.displayId(),
                    household.accountId(), cacheKey);
            assertThat(allowed.outcome()).as(allowed.body().toString()).isEqualTo("ALLOW");
        }
    }

    @Test
    void the_page_fits_a_phone_with_the_secondary_columns_folded_into_the_first() {
        page.setViewportSize(390, 844);
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("admin/decision-api");
        assertThat(page.locator("#credential-grid")).hasClass(Pattern.compile("\\bnarrow\\b"));
        assertThat(page.locator("#secret-grid")).hasClass(Pattern.compile("\\bnarrow\\b"));
        assertThat(page.locator("#secret-grid vaadin-grid-cell-content .narrow-only").first()).isVisible();

        // nothing wider than the window, and no grid that scrolls sideways
        int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).as("horizontal overflow of the page in px").isLessThanOrEqualTo(0);
        for (String grid : new String[] {"credential-grid", "secret-grid", "denied-by-reason"}) {
            int sideways = ((Number) page.evaluate("id => { const t = document.getElementById(id).$.table; "
                    + "return t.scrollWidth - t.clientWidth; }", grid)).intValue();
            assertThat(sideways).as(grid + " scrolls sideways by px").isLessThanOrEqualTo(0);
        }
        screenshot("decision-api-390");
    }

    @Test
    void a_partner_manager_and_a_household_cannot_open_the_decision_api_page() {
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        assertThat(page.locator("#main-nav")).not().containsText("Decision API");
        open("admin/decision-api");
        assertThat(page.locator("#not-available")).isVisible();
        assertThat(page.locator("#decision-api-view, #credential-grid, #new-credential")).hasCount(0);
        switchUser();

        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        open("admin/decision-api");
        assertThat(page.locator("#not-available")).isVisible();
        assertThat(page.locator("#decision-api-view, #credential-grid, #new-credential")).hasCount(0);
    }

    private long figure(String statCard) {
        return Long.parseLong(page.locator(statCard + " .stat-value").innerText().replace(",", "").strip());
    }
}
