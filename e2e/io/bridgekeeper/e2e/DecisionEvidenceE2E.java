package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.vendor.ViolationPolicy;
import io.bridgekeeper.vendor.ViolationPolicyService;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 16 in the portal: the vendor page shows the violation policy (an admin changes it, with a field
 * error for a value out of range; the vendor's partner manager only reads it), and a new service
 * credential is given a scope whose fields check themselves.
 */
class DecisionEvidenceE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ViolationPolicyService policies;
    @Autowired
    UserDetailsService users;

    private long lumacam() {
        return jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
    }

    /** The demo vendor's policy back to the defaults, for the tests after this one. */
    @AfterEach
    void restorePolicy() {
        PartnerApi.as(users, DemoAccounts.ADMIN, () -> policies.update(lumacam(),
                new ViolationPolicy(true, 3, Duration.ofMinutes(10), true)));
    }

    @Test
    void an_admin_changes_the_violation_policy_and_the_partner_manager_reads_it() {
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("vendors/" + lumacam());
        Locator threshold = page.locator("#policy-claimed-threshold");
        assertThat(threshold.locator("input")).hasValue("3");

        threshold.locator("input").fill("0");
        page.locator("#policy-save").click();
        assertThat(threshold).hasAttribute("invalid", "");
        assertThat(threshold).containsText("Choose a threshold from 1 to 1000");

        threshold.locator("input").fill("5");
        page.locator("#policy-claimed-window input").fill("30");
        page.locator("#policy-save").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Violation policy saved");
        page.reload();
        assertThat(page.locator("#policy-claimed-threshold input")).hasValue("5");
        assertThat(page.locator("#policy-claimed-window input")).hasValue("30");

        switchUser();
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        open("vendors/" + lumacam());
        assertThat(page.locator("#policy-claimed-threshold")).hasText("5");
        assertThat(page.locator("#policy-claimed-window")).hasText("30");
        assertThat(page.locator("#policy-save")).hasCount(0);
    }

    @Test
    void a_new_credential_is_given_a_scope_whose_fields_check_themselves() {
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("admin/decision-api");
        page.locator("#new-credential").click();
        page.locator("#credential-name input").fill("e2e scoped " + System.nanoTime());
        page.locator("#credential-rate input").fill("0");
        page.locator("#credential-rate input").blur();
        assertThat(page.locator("#credential-rate")).containsText("Choose a rate from 1 to 100000");
        page.locator("#credential-rate input").fill("25");
        page.locator("#credential-rate input").blur();
        assertThat(page.locator("#credential-rate")).not().containsText("Choose a rate");
        page.locator("#credential-create").click();
        assertThat(page.locator("#credential-key")).isVisible();
        String prefix = page.locator("#credential-key textarea").inputValue().split("_")[1];
        page.locator("#credential-key-done").click();
        assertThat(page.locator("#credential-scope-" + prefix)).containsText("25/s per node");
        assertThat(page.locator("#credential-scope-" + prefix)).containsText("every vendor");
    }
}
