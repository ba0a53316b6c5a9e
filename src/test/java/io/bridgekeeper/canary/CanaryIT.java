package io.bridgekeeper.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.audit.ExposureReport;
import io.bridgekeeper.audit.ExposureReports;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.rollout.GuardOutcome;
import io.bridgekeeper.rollout.RolloutFixtures;
import io.bridgekeeper.rollout.RolloutGuards;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Isolation canaries (issue 15, docs/canaries.md): enrolled by admins, left out of every count of real
 * households, probed through the real observation API; a failed probe halts and switches the cameras off,
 * a silent canary pauses the rollout.
 */
@IntegrationTest
class CanaryIT {

    @Autowired
    CanaryService canaries;
    @Autowired
    RolloutFixtures rollouts;
    @Autowired
    RolloutGuards guards;
    @Autowired
    DecisionFixture decisions;
    @Autowired
    VendorService vendors;
    @Autowired
    SuspensionService suspensions;
    @Autowired
    ExposureReports exposure;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @LocalServerPort
    int port;

    @Test
    void an_admin_enrolls_at_least_two_and_they_are_left_out_of_the_vendors_counts() {
        RolloutFixtures.Setup s = rollouts.vendor("canary");
        long households = runAs.as(DemoAccounts.ADMIN, () -> vendors.detail(s.vendorId()).households());
        var radius = runAs.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(s.vendorId(), Set.of()));

        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> canaries.enroll(s.vendorId(), 1)))
                .isInstanceOf(DomainException.class).hasMessageContaining("Enroll 2 to 10");
        List<Long> enrolled = runAs.as(DemoAccounts.ADMIN, () -> canaries.enroll(s.vendorId(), 2));

        assertThat(enrolled).hasSize(2);
        assertThat(jdbc.queryForList("select canary from account where id in (?, ?)", Boolean.class,
                enrolled.get(0), enrolled.get(1))).containsExactly(true, true);
        assertThat(jdbc.queryForObject("select count(*) from device where owner_account_id in (?, ?) and state = 'ACTIVE'",
                Long.class, enrolled.get(0), enrolled.get(1))).as("a camera and a display each").isEqualTo(4);
        assertThat(runAs.as(DemoAccounts.ADMIN, () -> vendors.detail(s.vendorId()).households())).isEqualTo(households);
        assertThat(runAs.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(s.vendorId(), Set.of())))
                .isEqualTo(radius);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CANARIES_ENROLLED' "
                + "and vendor_id = ?", Long.class, s.vendorId())).isEqualTo(1);
        assertThat(runAs.as(s.partner(), () -> canaries.health(s.vendorId()))).hasSize(2)
                .allSatisfy(c -> assertThat(c.lastProbeAt()).isNull());

        // two must stay two, or none
        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> canaries.withdraw(s.vendorId(), enrolled.get(0))))
                .isInstanceOf(DomainException.class).hasMessageContaining("at least two");
        assertThat(runAs.as(DemoAccounts.ADMIN, () -> canaries.withdrawAll(s.vendorId()))).isEqualTo(2);
        assertThat(runAs.as(DemoAccounts.ADMIN, () -> canaries.health(s.vendorId()))).isEmpty();
    }

    @Test
    void only_admins_enroll_and_only_the_vendors_people_read_health() {
        RolloutFixtures.Setup s = rollouts.vendor("canary-access");
        for (String person : List.of(s.partner(), DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD)) {
            assertThatThrownBy(() -> runAs.as(person, () -> canaries.enroll(s.vendorId(), 2)))
                    .as(person).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(person, () -> canaries.withdrawAll(s.vendorId())))
                    .as(person).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> runAs.as(DemoAccounts.CAMERA_PARTNER, () -> canaries.health(s.vendorId())))
                .as("another vendor's partner").isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> runAs.as(DemoAccounts.HOUSEHOLD, () -> canaries.health(s.vendorId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_canary_failure_reported_through_the_api_halts_the_rollout_and_switches_the_cameras_off() {
        RolloutFixtures.Setup s = rollouts.vendor("canary-fail");
        List<Long> enrolled = runAs.as(DemoAccounts.ADMIN, () -> canaries.enroll(s.vendorId(), 2));
        long rollout = rollouts.running(s, rollouts.plan(s, List.of(50, 100), 60, 1, "0.5", 3600));
        decisions.sync();
        List<CanaryHousehold> canaryRows = runAs.as(DemoAccounts.ADMIN, () -> canaries.health(s.vendorId()));
        CanaryHousehold one = canaryRows.get(0);
        CanaryHousehold two = canaryRows.get(1);
        try (DecisionClient api = new DecisionClient(port, decisions.credential())) {
            String keyOne = api.resolve(s.vendor().slug(), one.cameraId()).cacheKey();
            // the prober's probe of canary one, on canary one's display: healthy
            var ok = api.post("/observations", Map.of("items", List.of(probe(s, one.cameraId(), one.displayId(), keyOne))));
            assertThat(ok.body().get("violations").asInt()).isZero();
            // canary one's still arrived on canary two's display: a failure
            var failed = api.post("/observations", Map.of("items", List.of(probe(s, one.cameraId(), two.displayId(), keyOne))));
            assertThat(failed.status()).isEqualTo(200);
            assertThat(failed.body().get("violations").asInt()).isEqualTo(1);
            long incident = failed.body().get("results").get(0).get("incidentId").asLong();

            assertThat(rollouts.state(rollout)).isEqualTo("ROLLED_BACK");
            assertThat(jdbc.queryForList("""
                    select sc.capability from suspension s join suspension_capability sc on sc.suspension_id = s.id
                    where s.vendor_id = ? and s.lifted_at is null order by 1""", String.class, s.vendorId()))
                    .containsExactly(Capability.CAMERA_STREAM.name(), Capability.SNAPSHOT.name());
            List<CanaryHousehold> health = runAs.as(DemoAccounts.ADMIN, () -> canaries.health(s.vendorId()));
            assertThat(health.stream().mapToLong(CanaryHousehold::probes24h).sum()).as("each probe counts for both "
                    + "canaries it involves").isEqualTo(3);
            assertThat(health).anySatisfy(c -> assertThat(c.failures24h()).isEqualTo(1));
            assertThat(runAs.as(DemoAccounts.ADMIN, () -> canaries.stages(s.vendorId(), rollout))).singleElement()
                    .satisfies(p -> {
                        assertThat(p.percent()).isEqualTo(50);
                        assertThat(p.probes()).isEqualTo(2);
                        assertThat(p.failures()).isEqualTo(1);
                    });
            ExposureReport report = runAs.as(DemoAccounts.ADMIN, () -> exposure.of(incident));
            assertThat(report.canaryHouseholds()).isEqualTo(2);
            assertThat(report.exposedHouseholds()).as("no real household").isZero();
            assertThat(report.householdsAffected()).isZero();
        }
        assertThat(enrolled).hasSize(2);
    }

    @Test
    void a_canary_that_goes_silent_pauses_the_running_rollout() {
        RolloutFixtures.Setup s = rollouts.vendor("canary-silent");
        runAs.as(DemoAccounts.ADMIN, () -> canaries.enroll(s.vendorId(), 2));
        long rollout = rollouts.running(s, rollouts.plan(s, List.of(10, 100), 3600, 1, "0.5", 3600));
        Instant start = Instant.now();
        rollouts.stageStartedAt(rollout, start);

        Instant early = start.plus(Duration.ofMinutes(5));
        telemetryAt(s, early);
        assertThat(guards.evaluate(rollout, early)).as("within the silence limit (15 min)")
                .isNotEqualTo(GuardOutcome.PAUSED_CANARY_SILENT);

        Instant late = start.plus(Duration.ofMinutes(20));
        telemetryAt(s, late);
        assertThat(guards.evaluate(rollout, late)).isEqualTo(GuardOutcome.PAUSED_CANARY_SILENT);
        assertThat(rollouts.state(rollout)).isEqualTo("PAUSED");
        assertThat(jdbc.queryForObject("select title from incident where rollout_id = ? order by id desc limit 1",
                String.class, rollout)).contains("Canary").contains("no probe");
        assertThat(jdbc.queryForObject("select actor_name from audit_event where action = 'ROLLOUT_PAUSED' "
                + "and target_id = ?", String.class, String.valueOf(rollout))).contains("canary silent");
    }

    private void telemetryAt(RolloutFixtures.Setup s, Instant at) {
        jdbc.update("insert into telemetry (vendor_id, cache_version_id, minute, source, deliveries, errors) "
                + "values (?, ?, ?, 'VENDOR', 500, 0) on conflict do nothing", s.vendorId(), s.targetVersion(),
                Timestamp.from(at.truncatedTo(ChronoUnit.MINUTES).minusSeconds(60)));
    }

    private static Map<String, Object> probe(RolloutFixtures.Setup s, String camera, String display, String key) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("vendor", s.vendor().slug());
        item.put("contentDeviceId", camera);
        item.put("displayDeviceId", display);
        item.put("capability", "SNAPSHOT");
        item.put("cacheKey", key);
        item.put("observedAt", Instant.now().minusSeconds(1).toString());
        item.put("probe", true);
        return item;
    }
}
