package io.bridgekeeper.replay;

import io.bridgekeeper.audit.ExposureReport;
import io.bridgekeeper.audit.ExposureReports;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.replay.GroundTruth.Pair;
import io.bridgekeeper.replay.ReplayHomes.Home;
import io.bridgekeeper.rollout.RolloutFixtures;
import io.bridgekeeper.rollout.RolloutGuards;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One replay of the 2019 incident against running Bridgekeeper nodes: a vendor, its households, the
 * defective cache version 2.0 rolled out in stages 1 → 5 → 25 → 100 %, the display fleet requesting
 * stills all along. Each stage bakes for {@code stage} of wall time, then the vendor reports its
 * deliveries and the rollout guard is evaluated (the stage is dated back past the bake time, as the
 * rollout tests do, so a stage takes seconds instead of minutes).
 */
final class ReplayRun {

    static final String DEFECTIVE = "2.0";
    static final List<Integer> STAGES = List.of(1, 5, 25, 100);

    /** The run's scale and network. */
    record Settings(int households, int workers, Duration stage, Duration tail, double poorNetworkShare,
                    long serveNanos, boolean checks) {
    }

    private final JdbcTemplate jdbc;
    private final RolloutFixtures rollouts;
    private final RolloutGuards guards;
    private final DecisionFixture decisions;
    private final ExposureReports exposure;
    private final RunAs runAs;
    private final List<Integer> ports;

    ReplayRun(JdbcTemplate jdbc, RolloutFixtures rollouts, RolloutGuards guards, DecisionFixture decisions,
              ExposureReports exposure, RunAs runAs, List<Integer> ports) {
        this.jdbc = jdbc;
        this.rollouts = rollouts;
        this.guards = guards;
        this.decisions = decisions;
        this.exposure = exposure;
        this.runAs = runAs;
        this.ports = ports;
    }

    ReplayFigures run(Settings s) throws Exception {
        RolloutFixtures.Setup vendor = rollouts.vendor("replay");
        List<Home> homes = ReplayHomes.seed(jdbc, vendor.vendorId(), TestData.unique("rp"), s.households());
        String credential = decisions.credential();
        List<DecisionClient> nodes = new ArrayList<>();
        for (int port : ports) {
            nodes.add(new DecisionClient(port, credential));
        }
        try {
            awaitKnown(nodes, vendor.vendor().slug(), homes.getFirst());
            long rollout = rollouts.running(vendor, rollouts.plan(vendor, STAGES, 60, 1, "0.5", 3600));
            PartnerApi partner = new PartnerApi(ports.getFirst(), rollouts.apiKey(vendor));
            GroundTruth truth = new GroundTruth();
            VendorCloud cloud = new VendorCloud(DEFECTIVE, s.poorNetworkShare(), s.serveNanos());
            DisplayFleet fleet = new DisplayFleet(nodes, vendor.vendor().slug(), homes, cloud, truth, s.checks());
            long deadline = System.nanoTime() + s.stage().multipliedBy(STAGES.size()).plus(s.tail()).toNanos();
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    fleet.run(s.workers(), deadline, 2019);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < STAGES.size() && !running.isDone(); i++) {
                Thread.sleep(s.stage().toMillis());
                if (!"RUNNING".equals(rollouts.state(rollout))) {
                    break;
                }
                bake(vendor, rollout, partner, truth.defectiveServed.sum());
            }
            running.get();
            fleet.errors.forEach(e -> System.out.println("replay API error: " + e));
            return figures(s, vendor.vendorId(), rollout, truth, fleet);
        } finally {
            nodes.forEach(DecisionClient::close);
        }
    }

    /** Every node knows the new vendor (its state arrives by NOTIFY) before the fleet starts. */
    private void awaitKnown(List<DecisionClient> nodes, String slug, Home home) throws InterruptedException {
        decisions.sync();
        for (DecisionClient node : nodes) {
            DecisionClient.Answer answer = node.resolve(slug, home.cameraId());
            for (int i = 0; i < 200 && !"RESOLVED".equals(answer.outcome()); i++) {
                Thread.sleep(25);
                answer = node.resolve(slug, home.cameraId());
            }
            if (!"RESOLVED".equals(answer.outcome())) {
                throw new IllegalStateException("A node does not serve the replay's households: " + answer.body());
            }
        }
    }

    /** The vendor reports its deliveries of 2.0 and the stage, dated back past its bake, meets its guards. */
    private void bake(RolloutFixtures.Setup vendor, long rollout, PartnerApi partner, long delivered) {
        Instant now = Instant.now();
        rollouts.stageStartedAt(rollout, now.minusSeconds(120));
        partner.post("/telemetry", "{\"reports\":[{\"cacheVersion\":\"" + DEFECTIVE + "\",\"minute\":\""
                + now.truncatedTo(ChronoUnit.MINUTES) + "\",\"deliveries\":" + Math.max(1, delivered)
                + ",\"errors\":0,\"isolationViolations\":0}]}");
        guards.evaluate(rollout, now);
    }

    private ReplayFigures figures(Settings s, long vendorId, long rollout, GroundTruth truth, DisplayFleet fleet)
            throws InterruptedException {
        Map<String, Object> r = jdbc.queryForMap("""
                select r.state, r.ended_at, coalesce((select percent from rollout_stage st
                        where st.rollout_id = r.id and st.stage_index = r.current_stage), 0) as percent
                from rollout r where r.id = ?""", rollout);
        List<Map<String, Object>> suspension = jdbc.queryForList(
                "select id, suspended_at from suspension where vendor_id = ? order by id limit 1", vendorId);
        Instant suspendedAt = null;
        Instant appliedEverywhere = null;
        int applied = 0;
        if (!suspension.isEmpty()) {
            long id = ((Number) suspension.getFirst().get("id")).longValue();
            suspendedAt = ((Timestamp) suspension.getFirst().get("suspended_at")).toInstant();
            for (int i = 0; i < 200 && applied < ports.size(); i++) {
                applied = jdbc.queryForObject("select count(distinct node_id) from suspension_application "
                        + "where suspension_id = ? and change = 'SUSPENDED'", Integer.class, id);
                Thread.sleep(applied < ports.size() ? 50 : 0);
            }
            Timestamp last = jdbc.queryForObject("select max(applied_at) from suspension_application "
                    + "where suspension_id = ? and change = 'SUSPENDED'", Timestamp.class, id);
            appliedEverywhere = last == null ? null : last.toInstant();
        }
        List<Long> incidents = jdbc.queryForList("select id from incident where vendor_id = ? and kind = "
                + "'ISOLATION_VIOLATION' and severity = 'SEV1' order by id", Long.class, vendorId);
        Long incident = incidents.isEmpty() ? null : incidents.getFirst();
        Set<Pair> reported = new TreeSet<>();
        long violations = 0;
        if (incident != null) {
            ExposureReport report = runAs.as(DemoAccounts.ADMIN, () -> exposure.of(incident));
            reported = report.rows().stream().map(row -> new Pair(row.exposedAccountId(), row.viewerAccountId()))
                    .collect(Collectors.toCollection(TreeSet::new));
            violations = report.violations();
        }
        Instant first = truth.firstMixUp();
        Timestamp ended = (Timestamp) r.get("ended_at");
        return new ReplayFigures(s.checks(), s.households(), truth.requested.sum(), truth.defectiveServed.sum(),
                truth.mixedUp.sum(), truth.shown.sum(), truth.shownToWrongHousehold.sum(), truth.refused.sum(),
                fleet.observationsSent.sum(), fleet.apiErrors.sum(), fleet.retriedAfter503.sum(), ((Number) r.get("percent")).intValue(),
                (String) r.get("state"),
                "ROLLED_BACK".equals(r.get("state")) && ended != null ? since(first, ended.toInstant()) : null,
                since(first, suspendedAt), since(first, appliedEverywhere), applied, truth.attemptedPairs(),
                truth.shownPairs(), incident, reported, violations);
    }

    private static Duration since(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
