package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.rollout.RolloutFixtures.Setup;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.vendor.KillSwitch;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.SuspensionService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rollouts through the services on the real database, with a controlled clock: the stage's start
 * is set in the database and the guards are evaluated at a chosen instant, exactly as the
 * scheduler's tick does with the wall clock.
 */
@IntegrationTest
class RolloutIT {

    private static final List<Integer> TEMPLATE = StagePlan.TEMPLATE;

    @Autowired
    RolloutFixtures fx;
    @Autowired
    RolloutService rollouts;
    @Autowired
    RolloutPages pages;
    @Autowired
    RolloutGuards guards;
    @Autowired
    CacheVersionService versions;
    @Autowired
    SuspensionService suspensions;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @Test
    void a_stage_advances_by_itself_after_its_bake_time_with_enough_deliveries() {
        Setup s = fx.vendor("auto");
        long id = fx.running(s, fx.plan(s, TEMPLATE, 3600, 100, "0.05", 7200));
        fx.stageStartedAt(id, now.minusSeconds(7200));
        fx.telemetry(s, s.targetVersion(), now.minusSeconds(5400), 60, 5, 0);

        assertThat(guards.evaluate(id, now.minusSeconds(3700))).as("before the bake time is over")
                .isEqualTo(GuardOutcome.NOTHING);
        assertThat(guards.evaluate(id, now)).isEqualTo(GuardOutcome.ADVANCED);

        assertThat(fx.state(id)).isEqualTo("RUNNING");
        assertThat(fx.stage(id)).isEqualTo(1);
        Map<String, Object> event = jdbc.queryForMap("select actor_type, actor_name, after_state::text as after "
                + "from audit_event where target_type = 'rollout' and target_id = ? and action = 'ROLLOUT_ADVANCED'",
                String.valueOf(id));
        assertThat(event.get("actor_type")).isEqualTo("SYSTEM");
        assertThat(event.get("actor_name")).isEqualTo("system: " + RolloutGuards.ADVANCE_RULE);
        assertThat((String) event.get("after")).contains("\"deliveries\": 300").contains("\"percent\": 5");
        // the new stage bakes from now: nothing more happens at the same instant
        assertThat(guards.evaluate(id, now)).isEqualTo(GuardOutcome.NOTHING);
        assertThat(fx.stage(id)).isEqualTo(1);
    }

    @Test
    void no_automatic_advance_below_the_minimum_sample() {
        Setup s = fx.vendor("sample");
        long id = fx.running(s, fx.plan(s, TEMPLATE, 3600, 1000, "0.05", 7200));
        fx.stageStartedAt(id, now.minusSeconds(7200));
        fx.telemetry(s, s.targetVersion(), now.minusSeconds(5400), 60, 5, 0);

        assertThat(guards.evaluate(id, now)).isEqualTo(GuardOutcome.NOTHING);

        assertThat(fx.state(id)).isEqualTo("RUNNING");
        assertThat(fx.stage(id)).isZero();
        GuardReading reading = run.as(s.partner(), () -> pages.page(id)).reading();
        assertThat(reading.deliveries()).isEqualTo(300);
        assertThat(reading.sampleReached()).isFalse();
        assertThat(reading.baked()).isTrue();
    }

    @Test
    void an_error_rate_over_the_threshold_pauses_for_a_human_and_a_resume_starts_a_fresh_window() {
        Setup s = fx.vendor("errors");
        long id = fx.running(s, fx.plan(s, TEMPLATE, 3600, 100, "0.02", 7200));
        fx.stageStartedAt(id, now.minusSeconds(1800));
        fx.telemetry(s, s.targetVersion(), now.minusSeconds(1200), 10, 30, 3);

        assertThat(guards.evaluate(id, now)).isEqualTo(GuardOutcome.PAUSED_ERROR_RATE);

        assertThat(fx.state(id)).isEqualTo("PAUSED");
        assertThat(jdbc.queryForObject("select pause_reason from rollout where id = ?", String.class, id))
                .contains("Error rate 10.00 %").contains("2.00 %");
        Map<String, Object> event = jdbc.queryForMap("select actor_name, after_state::text as after from audit_event "
                + "where target_type = 'rollout' and target_id = ? and action = 'ROLLOUT_PAUSED'", String.valueOf(id));
        assertThat(event.get("actor_name")).isEqualTo("system: " + RolloutGuards.ERROR_RATE_RULE);
        assertThat((String) event.get("after")).contains("\"errors\": 30").contains("\"deliveries\": 300");
        assertThat(run.as(s.partner(), () -> pages.page(id)).incidents())
                .anySatisfy(i -> assertThat(i.kind()).isEqualTo("ERROR_RATE"));

        run.as(s.partner(), () -> rollouts.resume(id));
        assertThat(fx.state(id)).isEqualTo("RUNNING");
        assertThat(guards.evaluate(id, Instant.now())).as("the data a person accepted does not pause it again")
                .isEqualTo(GuardOutcome.NOTHING);
    }

    @Test
    void no_telemetry_while_running_pauses_the_rollout() {
        Setup s = fx.vendor("silent");
        long id = fx.running(s, fx.plan(s, TEMPLATE, 3600, 100, "0.05", 600));
        fx.stageStartedAt(id, now.minusSeconds(3600));
        fx.telemetry(s, s.targetVersion(), now.minusSeconds(3600), 5, 10, 0);

        assertThat(guards.evaluate(id, now.minusSeconds(3600 - 600))).isEqualTo(GuardOutcome.NOTHING);
        assertThat(guards.evaluate(id, now)).isEqualTo(GuardOutcome.PAUSED_NO_DATA);

        assertThat(fx.state(id)).isEqualTo("PAUSED");
        assertThat(jdbc.queryForObject("select pause_reason from rollout where id = ?", String.class, id))
                .startsWith("No telemetry for ");
    }

    @Test
    void the_decision_path_reporting_a_violation_halts_rolls_back_opens_an_incident_and_suspends_the_vendor() {
        Setup s = fx.vendor("leak");
        long id = fx.running(s, fx.plan(s, TEMPLATE, 3600, 100, "0.05", 7200));

        long incident = guards.reportIsolationViolation(s.vendorId(), s.targetVersion(),
                Map.of("sourceDevice", s.vendor().cameraA(), "requester", s.vendor().householdB()));

        assertThat(fx.state(id)).isEqualTo("ROLLED_BACK");
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'rollout' and target_id = ? "
                + "and actor_type = 'SYSTEM' order by id", String.class, String.valueOf(id)))
                .containsExactly("ROLLOUT_HALTED", "ROLLOUT_ROLLED_BACK");
        Map<String, Object> row = jdbc.queryForMap("select kind, severity, rollout_id, evidence::text as evidence "
                + "from incident where id = ?", incident);
        assertThat(row.get("kind")).isEqualTo("ISOLATION_VIOLATION");
        assertThat(row.get("severity")).isEqualTo("SEV1");
        assertThat(row.get("rollout_id")).isEqualTo(id);
        assertThat((String) row.get("evidence")).contains("sourceDevice");
        assertThat(jdbc.queryForObject("select status from vendor where id = ?", String.class, s.vendorId()))
                .isEqualTo("SUSPENDED");
        assertThat(jdbc.queryForObject("select reason_code from suspension where vendor_id = ? and status = 'ACTIVE'",
                String.class, s.vendorId())).isEqualTo(SuspensionReason.PRIVACY_LEAK.name());
        assertThat(jdbc.queryForObject("select count(*) from isolation_violation where rollout_id = ? and incident_id = ?",
                Long.class, id, incident)).isEqualTo(1);

        // a second violation joins the open incident instead of opening another
        assertThat(guards.reportIsolationViolation(s.vendorId(), s.targetVersion(), Map.of())).isEqualTo(incident);
    }

    @Test
    void completing_the_last_stage_makes_the_target_the_stable_version() {
        Setup s = fx.vendor("complete");
        long id = fx.running(s, fx.plan(s, List.of(50, 100), 60, 0, "0.05", 600));

        assertThat(run.as(s.partner(), () -> rollouts.advance(id))).isEqualTo(RolloutState.RUNNING);
        assertThat(run.as(s.partner(), () -> rollouts.advance(id))).isEqualTo(RolloutState.COMPLETED);

        assertThat(run.as(s.partner(), () -> versions.list(s.vendorId()))).filteredOn(CacheVersion::stable)
                .extracting(CacheVersion::label).containsExactly(s.targetLabel());
        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.advance(id)))
                .isInstanceOf(DomainException.class).hasMessageContaining("completed cannot advance");
    }

    @Test
    void approval_needs_an_admin_other_than_the_author() {
        Setup s = fx.vendor("foureyes");
        long id = run.as(DemoAccounts.ADMIN, () -> {
            long created = rollouts.create(fx.plan(s, TEMPLATE, 60, 0, "0.05", 600));
            rollouts.submit(created);
            return created;
        });

        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> rollouts.approve(id, "canary stage looked healthy")))
                .isInstanceOf(DomainException.class).hasMessageContaining("different admin");
        assertThat(run.as(DemoAccounts.ADMIN, () -> pages.page(id)).actions()).doesNotContain(RolloutAction.APPROVE);
        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.approve(id, "canary stage looked healthy")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.SECOND_ADMIN, () -> rollouts.approve(id, "  ")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(fx.state(id)).isEqualTo("PENDING_APPROVAL");
        // it waits in the other admin's approvals, never in the author's; partners have no approvals
        assertThat(run.as(DemoAccounts.SECOND_ADMIN, () -> rollouts.awaitingMyApproval())).anyMatch(r -> r.id() == id);
        assertThat(run.as(DemoAccounts.ADMIN, () -> rollouts.awaitingMyApproval())).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.awaitingMyApproval()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        run.as(DemoAccounts.SECOND_ADMIN, () -> rollouts.approve(id, "canary stage looked healthy"));
        assertThat(fx.state(id)).isEqualTo("APPROVED");
        assertThat(run.as(DemoAccounts.SECOND_ADMIN, () -> rollouts.awaitingMyApproval())).noneMatch(r -> r.id() == id);
    }

    @Test
    void a_rollout_cannot_start_while_its_vendor_is_suspended_nor_beside_another_running_one() {
        Setup s = fx.vendor("blocked");
        long first = fx.running(s, fx.plan(s, TEMPLATE, 60, 0, "0.05", 600));
        long second = fx.approved(s, fx.plan(s, TEMPLATE, 60, 0, "0.05", 600));

        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.start(second)))
                .isInstanceOf(DomainException.class).hasMessageContaining("already has a running or paused rollout");

        tx.executeWithoutResult(t -> suspensions.suspendBySystem(s.vendorId(), SuspensionReason.OUTAGE,
                "Vendor cloud down", "test"));
        assertThat(fx.state(first)).as("a suspension pauses the running rollout").isEqualTo("PAUSED");
        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.resume(first))).isInstanceOf(DomainException.class)
                .hasMessageContaining("is suspended");
        assertThat(run.as(s.partner(), () -> pages.page(first)).actions()).doesNotContain(RolloutAction.RESUME)
                .contains(RolloutAction.HALT);
        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.haltAndRollBack(first, "Vendor is down", "wrong")))
                .isInstanceOf(DomainException.class).hasMessageContaining("Type the vendor's slug");
        assertThat(fx.state(first)).as("a halt without the typed slug changes nothing").isEqualTo("PAUSED");
        run.as(s.partner(), () -> rollouts.haltAndRollBack(first, "Vendor is down", s.vendor().slug()));
        assertThatThrownBy(() -> run.as(s.partner(), () -> rollouts.start(second)))
                .isInstanceOf(DomainException.class).hasMessageContaining("is suspended");
        assertThat(fx.state(second)).isEqualTo("APPROVED");
    }

    @Test
    void a_partner_manager_sees_only_their_own_vendors_rollouts() {
        Setup mine = fx.vendor("mine");
        Setup theirs = fx.vendor("theirs");
        long other = fx.approved(theirs, fx.plan(theirs, TEMPLATE, 60, 0, "0.05", 600));

        assertThatThrownBy(() -> run.as(mine.partner(), () -> rollouts.detail(other)))
                .isInstanceOf(DomainException.class).hasMessageContaining("No rollout");
        assertThatThrownBy(() -> run.as(mine.partner(), () -> rollouts.start(other)))
                .isInstanceOf(DomainException.class).hasMessageContaining("No rollout");
        assertThatThrownBy(() -> run.as(mine.partner(), () -> pages.page(other)))
                .isInstanceOf(DomainException.class).hasMessageContaining("No rollout");
        assertThat(run.as(mine.partner(), () -> rollouts.search(RolloutFilter.none(),
                org.springframework.data.domain.PageRequest.of(0, 50))).getContent())
                .noneMatch(r -> r.vendorId() == theirs.vendorId());
    }

    @Test
    void the_next_stage_moves_exactly_the_devices_whose_bucket_it_adds() {
        Setup s = fx.vendor("moves");
        for (int i = 0; i < 200; i++) {
            jdbc.update("insert into device (vendor_id, vendor_device_id, kind, name, state) values (?, ?, 'SENSOR', 'x', 'ACTIVE')",
                    s.vendorId(), "sensor-" + i);
        }
        long id = fx.running(s, fx.plan(s, List.of(10, 60, 100), 60, 0, "0.05", 600));
        RolloutDetail r = run.as(s.partner(), () -> rollouts.detail(id));
        List<String> devices = jdbc.queryForList("select vendor_device_id from device where vendor_id = ?", String.class,
                s.vendorId());
        long expected = devices.stream().mapToInt(d -> Buckets.bucket(r.salt(), d))
                .filter(b -> b >= 1000 && b < 6000).count();

        long onTarget = devices.stream().filter(d -> Buckets.bucket(r.salt(), d) < 1000).count();

        RolloutPages.RolloutPage page = run.as(s.partner(), () -> pages.page(id));
        assertThat(page.rollout().id()).isEqualTo(id);
        assertThat(page.devicesMovedByNextStage()).isEqualTo(expected).isPositive();
        assertThat(page.progress()).isEqualTo(new DeviceProgress(onTarget, devices.size()));
        assertThat(page.actions()).contains(RolloutAction.ADVANCE);
        assertThat(page.auditTrail()).isNotEmpty();
    }
}
