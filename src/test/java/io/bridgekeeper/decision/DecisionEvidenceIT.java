package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.vendor.ViolationPolicy;
import io.bridgekeeper.vendor.ViolationPolicyService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Graded evidence of isolation violations (issue 16, docs/decision-evidence.md), over HTTP: a request
 * that merely names devices of two households is a claim (an incident, counted toward the vendor's
 * threshold), a genuine key of another owner is proof (halt, roll back, SEV1, suspension at once), and
 * a household's own key from before its camera was transferred away is stale, not evidence.
 */
@IntegrationTest
class DecisionEvidenceIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @Autowired
    ViolationPolicyService policies;
    @Autowired
    DeviceService devices;
    @LocalServerPort
    int port;

    DecisionClient api;
    Vendor vendor;
    Household a;
    Household b;

    @BeforeEach
    void setUp() {
        api = new DecisionClient(port, fixture.credential());
        vendor = fixture.vendor("evidence");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void one_claimed_mismatch_opens_an_incident_but_does_not_suspend_the_vendor() {
        long rollout = runningRollout();
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        // B's camera named onto A's display, with a key of another device: nothing proves B's content was served
        assertThat(api.authorize(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), keyA).reason())
                .isEqualTo("OWNER_MISMATCH");

        Map<String, Object> violation = jdbc.queryForMap("""
                select v.evidence_grade, i.severity, i.kind from isolation_violation v join incident i on i.id = v.incident_id
                where v.vendor_id = ?""", vendor.id());
        assertThat(violation).containsEntry("evidence_grade", "CLAIMED").containsEntry("severity", "SEV2")
                .containsEntry("kind", "ISOLATION_VIOLATION");
        assertThat(vendorStatus()).isEqualTo("ACTIVE");
        assertThat(rolloutState(rollout)).isEqualTo("RUNNING");
        fixture.sync();
        String fresh = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh).outcome())
                .as("every household keeps its camera").isEqualTo("ALLOW");
    }

    @Test
    void claims_up_to_the_threshold_within_the_window_halt_roll_back_and_suspend() {
        runAs.as(DemoAccounts.ADMIN, () -> policies.update(vendor.id(),
                new ViolationPolicy(true, 3, Duration.ofMinutes(10), true)));
        long rollout = runningRollout();
        for (int i = 1; i <= 2; i++) {
            assertThat(api.authorize(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), "made-up").reason())
                    .isEqualTo("OWNER_MISMATCH");
            assertThat(vendorStatus()).as("after claim %d of 3", i).isEqualTo("ACTIVE");
        }
        assertThat(jdbc.queryForObject("select count(distinct incident_id) from isolation_violation where vendor_id = ?",
                Integer.class, vendor.id())).as("claims share one incident").isEqualTo(1);

        assertThat(api.authorize(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), "made-up").reason())
                .isEqualTo("OWNER_MISMATCH");
        assertThat(vendorStatus()).isEqualTo("SUSPENDED");
        assertThat(rolloutState(rollout)).isEqualTo("ROLLED_BACK");
        assertThat(jdbc.queryForObject("""
                select i.severity from isolation_violation v join incident i on i.id = v.incident_id
                where v.vendor_id = ? order by v.id desc limit 1""", String.class, vendor.id())).isEqualTo("SEV1");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), "x").reason())
                .as("its cameras are switched off").isEqualTo("CAPABILITY_SUSPENDED");
    }

    @Test
    void claims_do_not_suspend_when_the_policy_says_so_but_still_halt_the_rollout() {
        runAs.as(DemoAccounts.ADMIN, () -> policies.update(vendor.id(),
                new ViolationPolicy(true, 1, Duration.ofMinutes(10), false)));
        long rollout = runningRollout();
        assertThat(api.authorize(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), "made-up").reason())
                .isEqualTo("OWNER_MISMATCH");
        assertThat(rolloutState(rollout)).isEqualTo("ROLLED_BACK");
        assertThat(vendorStatus()).isEqualTo("ACTIVE");
    }

    @Test
    void a_proven_violation_halts_rolls_back_and_suspends_before_the_answer_returns() {
        long rollout = runningRollout();
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        long started = System.nanoTime();
        // A's genuine key came with A's camera onto B's display: A's content reached B
        Answer denied = api.authorize(vendor.slug(), a.cameraId(), b.displayId(), b.accountId(), keyA);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Answer next = api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), keyA);
        System.out.printf("proven violation: answered, halted, rolled back and suspended in %d ms%n", tookMillis);

        assertThat(denied.reason()).isEqualTo("OWNER_MISMATCH");
        assertThat(next.reason()).as("the very next request meets the kill switch").isEqualTo("CAPABILITY_SUSPENDED");
        assertThat(jdbc.queryForList("""
                select sc.capability from suspension s join suspension_capability sc on sc.suspension_id = s.id
                where s.vendor_id = ? and s.lifted_at is null order by 1""", String.class, vendor.id()))
                .as("cameras only: locks and lights keep working").containsExactly("CAMERA_STREAM", "SNAPSHOT");
        assertThat(tookMillis).as("the breach is handled inside the request, as before").isLessThan(5_000);
        assertThat(rolloutState(rollout)).isEqualTo("ROLLED_BACK");
        assertThat(jdbc.queryForMap("""
                select v.evidence_grade, i.severity from isolation_violation v join incident i on i.id = v.incident_id
                where v.vendor_id = ?""", vendor.id()))
                .containsEntry("evidence_grade", "PROVEN").containsEntry("severity", "SEV1");
    }

    @Test
    void a_stale_key_after_a_transfer_is_denied_without_an_incident_or_a_suspension() {
        String oldKey = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        long incidentsBefore = incidents();
        runAs.as(DemoAccounts.ADMIN, () -> devices.transfer(a.cameraRowId(), b.email(), "given to household b"));

        // the old household's display asks for the camera with the key it was issued while it owned it
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), oldKey).reason())
                .isEqualTo("OWNER_CHANGED");
        assertThat(jdbc.queryForObject("select count(*) from isolation_violation where vendor_id = ?", Integer.class,
                vendor.id())).isZero();
        assertThat(incidents()).isEqualTo(incidentsBefore);
        assertThat(vendorStatus()).isEqualTo("ACTIVE");

        fixture.sync();
        String newKey = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(api.authorize(vendor.slug(), a.cameraId(), b.displayId(), b.accountId(), newKey).outcome())
                .as("the new owner is served").isEqualTo("ALLOW");
    }

    @Test
    void only_an_admin_changes_the_policy_audited_and_partners_see_only_their_own() {
        ViolationPolicy next = new ViolationPolicy(true, 5, Duration.ofMinutes(30), false);
        assertThatThrownBy(() -> runAs.as(DemoAccounts.CAMERA_PARTNER, () -> policies.update(vendor.id(), next)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(DemoAccounts.HOUSEHOLD, () -> policies.update(vendor.id(), next)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(DemoAccounts.HOUSEHOLD, () -> policies.view(vendor.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(DemoAccounts.CAMERA_PARTNER, () -> policies.view(vendor.id())))
                .as("another vendor's policy is not found for a partner")
                .isInstanceOf(io.bridgekeeper.base.DomainException.class);
        assertThat(policies.current(vendor.id())).isEqualTo(new ViolationPolicy(true, 3, Duration.ofMinutes(10), true));

        runAs.as(DemoAccounts.ADMIN, () -> policies.update(vendor.id(), next));
        assertThat(runAs.as(DemoAccounts.ADMIN, () -> policies.view(vendor.id()))).isEqualTo(next);
        Map<String, Object> audit = jdbc.queryForMap("""
                select action, after_state::text as after from audit_event
                where target_type = 'vendor' and target_id = ? and action = 'VIOLATION_POLICY_CHANGED'""",
                String.valueOf(vendor.id()));
        assertThat((String) audit.get("after")).contains("\"claimedThreshold\": 5");

        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> policies.update(vendor.id(),
                new ViolationPolicy(true, 0, Duration.ofMinutes(30), false))))
                .isInstanceOf(io.bridgekeeper.base.DomainException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> policies.update(vendor.id(),
                new ViolationPolicy(true, 2, Duration.ofSeconds(5), false))))
                .isInstanceOf(io.bridgekeeper.base.DomainException.class).hasMessageContaining("window");
        assertThat(policies.current(vendor.id())).as("a refused change writes nothing").isEqualTo(next);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private long runningRollout() {
        return fixture.runningRollout(vendor);
    }

    private String vendorStatus() {
        return jdbc.queryForObject("select status from vendor where id = ?", String.class, vendor.id());
    }

    private String rolloutState(long rollout) {
        return jdbc.queryForObject("select state from rollout where id = ?", String.class, rollout);
    }

    private long incidents() {
        return jdbc.queryForObject("select count(*) from incident where vendor_id = ?", Long.class, vendor.id());
    }
}
