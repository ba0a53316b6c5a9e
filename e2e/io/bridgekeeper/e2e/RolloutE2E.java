package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.rollout.RolloutFixtures;
import io.bridgekeeper.rollout.RolloutFixtures.Setup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rollout as people run it: a partner manager plans and submits it, an admin approves it, the
 * partner manager starts and advances it; then the vendor's own telemetry reports an isolation
 * violation, and the portal shows the halt, the incident and the vendor's suspension.
 */
class RolloutE2E extends PortalTest {

    @Autowired
    RolloutFixtures fx;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void a_partner_plans_an_admin_approves_it_runs_and_the_first_violation_halts_it() throws Exception {
        Setup s = fx.vendor("e2e-roll");

        // The partner manager plans the rollout from the template and submits it
        signInAndWait(s.partner(), "partner-vendors");
        open("partner/rollouts");
        page.locator("#new-rollout").click();
        assertThat(page.locator("#nr-from")).containsText("From the stable version 1.0");
        page.locator("#nr-target input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("2.0")).click();
        screenshot("rollout-new-dialog");
        page.locator("#nr-save").click();
        assertThat(page.locator("#rollout-view h1")).containsText("1.0 → 2.0");
        assertThat(page).hasURL(Pattern.compile(".*/rollouts/\\d+$"));
        Matcher m = Pattern.compile(".*/rollouts/(\\d+)$").matcher(page.url());
        assertThat(m.matches()).as(page.url()).isTrue();
        long id = Long.parseLong(m.group(1));
        assertThat(page.locator("#rollout-view .rollout-state")).hasText("Draft");
        assertThat(page.locator("#stage-timeline .stage")).hasCount(5);
        page.locator("#rollout-submit").click();
        assertThat(page.locator("#rollout-view .rollout-state")).hasText("Awaiting approval");
        assertThat(page.locator("#rollout-approve")).hasCount(0);

        // An admin approves it
        switchUser();
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("admin/rollouts");
        assertThat(page.locator("#rollouts-grid")).containsText(s.vendor().slug());
        screenshot("rollouts-list-admin");
        open("rollouts/" + id);
        page.locator("#rollout-approve").click();
        assertThat(page.locator("#approve-dialog")).containsText("stage 1 moves");
        assertThat(page.locator("#approve-confirm")).isDisabled();
        page.locator("#approve-reason textarea").fill("Staging soak passed; canaries clean");
        page.locator("#approve-confirm").click();
        assertThat(page.locator("#rollout-view .rollout-state")).hasText("Approved");
        assertThat(page.locator("#rollout-approval")).containsText("Approved by Ada Lovelace");
        assertThat(page.locator("#rollout-approval")).containsText("Staging soak passed; canaries clean");

        // The partner manager starts it and advances it by hand
        switchUser();
        signInAndWait(s.partner(), "partner-vendors");
        open("rollouts/" + id);
        page.locator("#rollout-start").click();
        assertThat(page.locator("#rollout-view .rollout-state")).hasText("Running");
        assertThat(page.locator("#rollout-percent")).hasText("1 %");
        assertThat(page.locator("#rollout-advance")).containsText(Pattern.compile("Advance to 5 % \\(moves \\d+ more devices\\)"));
        page.locator("#rollout-advance").click();
        assertThat(page.locator("#rollout-percent")).hasText("5 %");
        assertThat(page.locator("#stage-1")).containsText("since");
        assertThat(page.locator("#rollout-guards")).containsText("Isolation violations");
        // the page says what happens next, and on what condition
        assertThat(page.locator("#rollout-next")).containsText(Pattern.compile(
                "Advances to \\d+ % (at \\d\\d:\\d\\d if|as soon as|within seconds)"));
        screenshot("rollout-running");

        // The vendor's cloud reports an isolation violation through the partner API
        String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(); // the current minute: inside the rollout
        HttpResponse<String> reported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("api/partner/v1/telemetry")))
                .header("Authorization", "Bearer " + fx.apiKey(s)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"reports": [{"cacheVersion": "2.0", "minute": "%s", "deliveries": 120, "errors": 2,
                                      "isolationViolations": 1}]}
                        """.formatted(minute))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);

        // The rollout page shows the halt, the rollback and the incident
        open("rollouts/" + id);
        assertThat(page.locator("#rollout-view .rollout-state")).hasText("Rolled back");
        assertThat(page.locator("#rollout-banner")).containsText("Halted and rolled back to 1.0");
        assertThat(page.locator("#rollout-incidents")).containsText(Pattern.compile("Incident #\\d+ · SEV1"));
        assertThat(page.locator("#rollout-incidents")).containsText("Isolation violation");
        assertThat(page.locator("#rollout-audit")).containsText("Rolled back");
        assertThat(page.locator("#rollout-audit")).containsText("back on 1.0");
        assertThat(page.locator("#rollout-next")).containsText("every device is back on 1.0");
        assertThat(page.locator("#guard-isolation")).containsText("1 (threshold 0)");
        assertThat(page.locator("#guard-isolation")).containsText("Halt");
        assertThat(page.locator("#rollout-advance, #rollout-halt, #rollout-pause")).hasCount(0);
        screenshot("rollout-halted");

        // ... and the vendor page shows the suspension for the privacy leak
        open("vendors/" + s.vendorId());
        assertThat(page.locator("#suspension-banner")).isVisible();
        assertThat(page.locator("#suspension-reason")).containsText("Privacy leak");

        // the partner manager's cache versions: the target is still a candidate after the rollback
        open("partner/rollouts");
        page.locator("#cache-versions").click();
        assertThat(page.locator("#cv-grid")).containsText("Candidate");
        // a label pasted at 5,000 characters is kept whole, counted, and refused on its field (never cut to 100)
        String tooLong = "9".repeat(5000);
        page.locator("#cv-label input").fill(tooLong);
        assertThat(page.locator("#cv-label")).containsText("5000 / 100");
        assertThat(page.locator("#cv-label")).containsText("At most 100 characters: this has 5000.");
        page.locator("#cv-register").click();
        assertThat(page.locator("#cv-label")).containsText("label of 1 to 100 characters");
        org.assertj.core.api.Assertions.assertThat(page.locator("#cv-label input").inputValue()).hasSize(5000);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from cache_version where label like '9999%'", Long.class)).isZero();
        screenshot("cache-versions-dialog");
    }

    @Test
    void an_admin_sees_the_demo_rollout_with_its_stages_guards_and_chart() {
        long brightway = jdbc.queryForObject("select id from rollout where vendor_id = "
                + "(select id from vendor where slug = 'brightway') order by id limit 1", Long.class);
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("admin/rollouts");
        page.locator("#rollouts-grid").getByText("Brightway Lighting").first().click();

        assertThat(page).hasURL(Pattern.compile(".*/rollouts/" + brightway + "$"));
        assertThat(page.locator("#rollout-percent")).hasText("5 %");
        assertThat(page.locator("#stage-0")).containsText("done");
        assertThat(page.locator("#stage-1")).containsText("since");
        assertThat(page.locator("#guard-sample")).containsText("of 500 deliveries");
        assertThat(page.locator("#telemetry-chart svg polyline.series-deliveries")).hasCount(1);
        assertThat(page.locator("#rollout-advance")).containsText("Advance to 25 %");
        screenshot("rollout-demo-admin");
    }
}
