package io.bridgekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.support.ReplicatedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which replicas {@link ReadReplicas} lets serve, on a real primary with two streaming replicas whose
 * {@code synchronous_standby_names} the test changes: only replicas that every commit waits for, only
 * from the second check on, never after a failed read, never once the checks stop.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ReadReplicasIT {

    static ReplicatedPostgres cluster;
    static HikariDataSource primary;
    static SimpleMeterRegistry meters;
    static ReadReplicas replicas;

    @BeforeAll
    static void start() {
        cluster = ReplicatedPostgres.start(2, "ANY 2 (replica1, replica2)");
        primary = new HikariDataSource();
        primary.setJdbcUrl(cluster.primaryUrl());
        primary.setUsername("postgres");
        primary.setMaximumPoolSize(2);
        meters = new SimpleMeterRegistry();
        replicas = replicas(Duration.ofSeconds(1));
        cluster.primary().execute("create table probe (id int)");
        cluster.primary().execute("insert into probe values (1)");
    }

    /**
     * Not started: no checks of its own, the test calls {@link ReadReplicas#check}; a replica serves at most
     * three {@code interval}s after the last check.
     */
    static ReadReplicas replicas(Duration interval) {
        return new ReadReplicas(new JdbcTemplate(primary), DatabaseMode.CONFIGURED, cluster.replicaUrls(), "postgres", "", 2, interval,
                meters);
    }

    @AfterAll
    static void stop() {
        try {
            if (replicas != null) {
                replicas.stop();
            }
            if (primary != null) {
                primary.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void a_replicas_that_every_commit_waits_for_serve_from_a_later_check() {
        synchronous("ANY 2 (replica1, replica2)");
        replicas.check();
        assertThat(serving(replicas)).as("a first check only notes where the primary's WAL was").isEmpty();
        assertThat(replicas.status()).allMatch(s -> s.reason().startsWith("joining"));
        admit(replicas);
        assertThat(serving(replicas)).containsExactlyInAnyOrder("replica1", "replica2");

        double before = reads("replica");
        assertThat(readOnStandby(replicas))
                .as("the read ran on a standby").isTrue();
        assertThat(reads("replica")).isEqualTo(before + 1);
    }

    @Test
    void b_a_quorum_smaller_than_the_standbys_serves_no_reads() {
        synchronous("ANY 1 (replica1, replica2)");
        checks(replicas);
        assertThat(serving(replicas)).as("a commit may be applied on one of the two only").isEmpty();
        assertThat(replicas.status()).allMatch(s -> s.reason().contains("wait for 1 of 2"));
        assertThat(readOnStandby(replicas))
                .as("the read ran on the primary").isFalse();

        synchronous("FIRST 1 (replica1, replica2)");
        checks(replicas);
        assertThat(serving(replicas)).as("the second is a potential standby, and the first may be replaced by it").isEmpty();

        synchronous("");
        checks(replicas);
        assertThat(serving(replicas)).as("asynchronous replicas may lag").isEmpty();
        assertThat(replicas.status()).allMatch(s -> s.reason().contains("async"));
    }

    @Test
    void c_without_a_check_for_three_intervals_no_replica_serves() throws InterruptedException {
        synchronous("ANY 2 (replica1, replica2)");
        ReadReplicas quick = replicas(Duration.ofMillis(300));
        try {
            admit(quick);
            assertThat(quick.status()).filteredOn(ReadReplicas.ReplicaStatus::serving).hasSize(2);
            Thread.sleep(1000);
            assertThat(quick.status()).as("the primary could not be asked: the lease ran out")
                    .noneMatch(ReadReplicas.ReplicaStatus::serving);
            Boolean standby = quick.decisionRead(jdbc -> jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class));
            assertThat(standby).as("read on the primary").isFalse();
        } finally {
            quick.stop();
        }
    }

    @Test
    void d_a_killed_replica_fails_its_read_over_to_the_primary_and_serves_again_once_it_streams() {
        synchronous("ANY 2 (replica1, replica2)");
        ReadReplicas replicas = replicas(Duration.ofMinutes(1));
        admit(replicas);
        assertThat(replicas.status()).filteredOn(ReadReplicas.ReplicaStatus::serving).hasSize(2);
        cluster.replica(1).kill();
        cluster.replica(2).kill();
        double fallbacks = meters.counter("bridgekeeper.db.replica.fallbacks").count();
        assertThat(probeRows(replicas))
                .as("answered by the primary").isEqualTo(1);
        assertThat(meters.counter("bridgekeeper.db.replica.fallbacks").count()).isEqualTo(fallbacks + 1);
        replicas.check();
        assertThat(serving(replicas)).isEmpty();

        cluster.replica(1).start();
        cluster.replica(2).start();
        cluster.awaitStreaming(Duration.ofSeconds(30));
        replicas.check();
        assertThat(serving(replicas)).as("back, but joining").isEmpty();
        admit(replicas);
        assertThat(serving(replicas)).containsExactlyInAnyOrder("replica1", "replica2");
        replicas.stop();
    }

    @Test
    void e_an_entry_that_is_no_postgresql_url_stops_the_start_and_one_that_cannot_be_reached_never_serves() {
        synchronous("ANY 2 (replica1, replica2)");
        List<String> typo = List.of(cluster.replicaUrls().getFirst(), "replica2:5432/bridgekeeper");
        assertThatThrownBy(() -> new ReadReplicas(new JdbcTemplate(primary), DatabaseMode.CONFIGURED, typo, "postgres",
                "", 2, Duration.ofMinutes(1), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_REPLICA_URLS").hasMessageContaining("replica2:5432/bridgekeeper");

        List<String> unreachable = new java.util.ArrayList<>(cluster.replicaUrls());
        unreachable.add("jdbc:postgresql://127.0.0.1:1/bridgekeeper");
        ReadReplicas replicas = new ReadReplicas(new JdbcTemplate(primary), DatabaseMode.CONFIGURED, unreachable,
                "postgres", "", 2, Duration.ofMinutes(1), new SimpleMeterRegistry());
        try {
            admit(replicas);
            assertThat(replicas.status()).filteredOn(s -> !s.serving()).singleElement()
                    .satisfies(s -> assertThat(s.reason()).startsWith("it cannot be reached"));
            assertThat(readOnStandby(replicas)).as("the two that stream still serve").isTrue();
        } finally {
            replicas.stop();
        }
    }

    /** Checks until both replicas serve (a few checks: each must have replayed what was flushed before). */
    private static void admit(ReadReplicas replicas) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            replicas.check();
            if (serving(replicas).size() == 2) {
                return;
            }
            pause(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the replicas were not admitted: " + replicas.status());
    }

    /** Several checks, apart: time enough for any replica that could be admitted to be admitted. */
    private static void checks(ReadReplicas replicas) {
        for (int i = 0; i < 5; i++) {
            replicas.check();
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void synchronous(String names) {
        cluster.primary().execute("alter system set synchronous_standby_names = '" + names + "'");
        cluster.primary().execute("select pg_reload_conf()");
        // the walsenders pick the setting up from the postmaster's signal: wait until the view shows it
        JdbcTemplate jdbc = new JdbcTemplate(primary);
        String expected = names.isEmpty() ? "async" : null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> states = jdbc.queryForList("select sync_state from pg_stat_replication", String.class);
            boolean settled = expected == null ? states.stream().noneMatch("async"::equals) && !states.isEmpty()
                    : states.stream().allMatch(expected::equals);
            if (settled && names.equals(jdbc.queryForObject("show synchronous_standby_names", String.class))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the primary did not take synchronous_standby_names = " + names);
    }

    private static boolean readOnStandby(ReadReplicas replicas) {
        Boolean standby = replicas.decisionRead(jdbc -> jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class));
        return Boolean.TRUE.equals(standby);
    }

    private static long probeRows(ReadReplicas replicas) {
        Long rows = replicas.decisionRead(jdbc -> jdbc.queryForObject("select count(*) from probe", Long.class));
        return rows == null ? -1 : rows;
    }

    private static List<String> serving(ReadReplicas replicas) {
        return replicas.status().stream().filter(ReadReplicas.ReplicaStatus::serving).map(ReadReplicas.ReplicaStatus::name)
                .toList();
    }

    private static double reads(String on) {
        return meters.counter("bridgekeeper.db.decision.reads", "on", on).count();
    }
}
