package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.decision.HttpLoad.Result;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.support.ReplicatedPostgres;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.bridgekeeper.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What read replicas buy and cost, measured on this machine: a primary with two synchronous replicas
 * ({@code ANY 2}), one node reading devices on the replicas and one on the primary, both on the same data.
 * Printed: PostgreSQL CPU per authorization on the primary and on each replica (every process of each
 * server, WAL senders and receivers included), the app's CPU per authorization, and the latency and WAL
 * volume of an unlink committed with {@code remote_apply} to both replicas against the same unlink with
 * no synchronous standby. Run it with
 * {@code ./mvnw verify -Pbench -Dit.test=ReplicaBenchmark} (optional {@code -Dbench.seconds=20},
 * {@code -Dbench.warmup=10}, {@code -Dbench.unlinks=300}).
 */
class ReplicaBenchmark {

    static final int HOUSEHOLDS = 2_000;

    @Test
    void cpu_per_authorization_on_primary_and_replicas_and_the_cost_of_remote_apply() throws Exception {
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 10));
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        int unlinks = Integer.getInteger("bench.unlinks", 300);
        List<String> rows = new ArrayList<>();
        try (ReplicatedPostgres cluster = ReplicatedPostgres.start(2, "ANY 2 (replica1, replica2)")) {
            ConfigurableApplicationContext onReplicas = SecondNode.start(cluster.primaryUrl(), "postgres", "",
                    "bench-replicas", "--bridgekeeper.db.replica-urls=" + String.join(",", cluster.replicaUrls()),
                    "--bridgekeeper.db.pool-size=10");
            ConfigurableApplicationContext onPrimary = SecondNode.start(cluster.primaryUrl(), "postgres", "",
                    "bench-primary", "--bridgekeeper.db.pool-size=10");
            try {
                DecisionFixture fixture = onReplicas.getBean(DecisionFixture.class);
                JdbcTemplate jdbc = onReplicas.getBean(JdbcTemplate.class);
                String admin = fixture.admin();
                String credential = onReplicas.getBean(RunAs.class).as(admin, () -> onReplicas
                        .getBean(ServiceCredentialService.class).create(TestData.unique("bench"),
                                new CredentialScope(java.util.EnumSet.allOf(DecisionCall.class), java.util.Set.of(),
                                        CredentialScope.MAX_RATE)).key());
                Vendor vendor = fixture.vendor("replica-bench");
                List<Household> households = new ArrayList<>();
                for (int i = 0; i < HOUSEHOLDS + unlinks * 2; i++) {
                    households.add(fixture.household(vendor));
                }
                fixture.sync();
                onPrimary.getBean(DecisionState.class).awaitCurrent(Duration.ofSeconds(30));
                await(onReplicas);

                // each node twice, alternately, so that neither is measured only while the JIT or the machine is colder
                for (ConfigurableApplicationContext node : List.of(onReplicas, onPrimary, onReplicas, onPrimary)) {
                    int port = port(node);
                    String where = node == onReplicas ? "reads on the replicas" : "reads on the primary ";
                    byte[][] requests = requests(port, credential, vendor, households.subList(0, HOUSEHOLDS));
                    HttpLoad load = new HttpLoad(port, 16);
                    try {
                        load.run(requests, body -> body.contains("\"ALLOW\""), warmup);
                        long[] before = cpu(cluster);
                        long walBefore = wal(cluster);
                        Result r = load.run(requests, body -> body.contains("\"ALLOW\""), measured);
                        long walBytes = wal(cluster) - walBefore;
                        long[] after = cpu(cluster);
                        String row = String.format("authorize, %s: %,8.0f req/s, p50 %5.2f ms, p99 %5.2f ms | CPU per"
                                        + " authorization: app %6.1f µs, PostgreSQL primary %6.1f µs, replica1 %6.1f µs,"
                                        + " replica2 %6.1f µs; WAL %5.1f bytes (%,d requests, %d errors)", where,
                                r.perSecond(),
                                r.millis(50), r.millis(99), r.cpuMicros(r.serverNanos()),
                                r.cpuMicros(after[0] - before[0]), r.cpuMicros(after[1] - before[1]),
                                r.cpuMicros(after[2] - before[2]), (double) walBytes / r.requests(), r.requests(),
                                r.errors());
                        System.out.println(row);
                        rows.add(row);
                        assertThat(r.errors()).isZero();
                    } finally {
                        load.close();
                    }
                }

                // an unlink's commit: remote_apply to both replicas, then with no synchronous standby at all
                UnlinkService unlink = onReplicas.getBean(UnlinkService.class);
                RunAs runAs = onReplicas.getBean(RunAs.class);
                List<Household> toUnlink = households.subList(HOUSEHOLDS, households.size());
                for (String setting : new String[] {"ANY 2 (replica1, replica2)", ""}) {
                    cluster.primary().execute("alter system set synchronous_standby_names = '" + setting + "'");
                    cluster.primary().execute("select pg_reload_conf()");
                    Thread.sleep(500);
                    List<Household> batch = setting.isEmpty() ? toUnlink.subList(unlinks, 2 * unlinks)
                            : toUnlink.subList(0, unlinks);
                    Histogram micros = new Histogram(3);
                    long walBefore = wal(cluster);
                    for (Household h : batch) {
                        long t0 = System.nanoTime();
                        runAs.as(h.email(), () -> unlink.unlink(h.linkId()));
                        micros.recordValue((System.nanoTime() - t0) / 1000);
                    }
                    long wal = wal(cluster) - walBefore;
                    String row = String.format("unlink, %-42s p50 %6.2f ms, p99 %6.2f ms, mean %6.2f ms, WAL %,6d bytes"
                                    + " per unlink (%d unlinks)",
                            setting.isEmpty() ? "no synchronous standby:" : "remote_apply to " + setting + ":",
                            micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                            micros.getMean() / 1000.0, wal / batch.size(), batch.size());
                    System.out.println(row);
                    rows.add(row);
                }
                rows.add(historySizes(jdbc));
            } finally {
                onPrimary.close();
                onReplicas.close();
            }
        }
        System.out.printf("%nRead replicas on this machine: %d processors, %d households, warm-up %d s, measured %d s%n",
                Runtime.getRuntime().availableProcessors(), HOUSEHOLDS, warmup.toSeconds(), measured.toSeconds());
        rows.forEach(System.out::println);
    }

    private static byte[][] requests(int port, String credential, Vendor vendor, List<Household> households) {
        JsonMapper json = JsonMapper.builder().build();
        try (DecisionClient client = new DecisionClient(port, credential)) {
            return households.stream().map(h -> {
                String key = client.resolve(vendor.slug(), h.cameraId()).cacheKey();
                return HttpLoad.post(port, DecisionHttpBenchmark.BASE + "/authorize", credential, json.writeValueAsString(
                        DecisionClient.authorizeBody(vendor.slug(), h.cameraId(), h.displayId(), h.accountId(), key)));
            }).toArray(byte[][]::new);
        }
    }

    /** Bytes per row, indexes included, of the history tables the run wrote (partitions summed). */
    private static String historySizes(JdbcTemplate jdbc) {
        StringBuilder out = new StringBuilder("history rows written by this run, bytes per row with indexes:");
        for (String table : new String[] {"audit_event", "device_access", "webhook_delivery", "webhook_attempt", "telemetry"}) {
            Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
            Long bytes = jdbc.queryForObject("""
                    select pg_total_relation_size(?::regclass)
                           + coalesce((select sum(pg_total_relation_size(inhrelid)) from pg_inherits
                                       where inhparent = ?::regclass), 0)""", Long.class, table, table);
            out.append(String.format(" %s %,d rows %,.0f B/row;", table, rows, rows == 0 ? 0.0 : (double) bytes / rows));
        }
        System.out.println(out);
        return out.toString();
    }

    private static long wal(ReplicatedPostgres cluster) {
        return cluster.primary().queryLong("select pg_current_wal_lsn() - '0/0'::pg_lsn");
    }

    /** CPU time so far of the primary and each replica: every process of each server. */
    private static long[] cpu(ReplicatedPostgres cluster) {
        return new long[] {cluster.primary().cpuNanos(), cluster.replica(1).cpuNanos(), cluster.replica(2).cpuNanos()};
    }

    private static void await(ConfigurableApplicationContext node) throws InterruptedException {
        var replicas = node.getBean(io.bridgekeeper.base.db.ReadReplicas.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (replicas.status().stream().filter(io.bridgekeeper.base.db.ReadReplicas.ReplicaStatus::serving).count() < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replicas do not serve: " + replicas.status());
            }
            Thread.sleep(50);
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
