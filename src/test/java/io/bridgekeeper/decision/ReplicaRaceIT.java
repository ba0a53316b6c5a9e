package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgekeeper.base.db.ReadReplicas;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.support.ReplicatedPostgres;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link DecisionRaceIT}'s race with authorization reading real streaming replicas: a PostgreSQL
 * primary and two replicas started by the test ({@link ReplicatedPostgres}), the primary making every
 * commit wait until both have applied it ({@code ANY 2 (replica1, replica2)} with
 * {@code synchronous_commit = remote_apply}), and two app nodes reading devices and links on the
 * replicas. Still proven: no request sent after the unlink's call returned is ALLOWed, on either node,
 * and the replicas did answer (counted). Then again while replica 1 is killed (an immediate shutdown, as a
 * crash) during the race and started again: the unlink waits for it (availability), the reads move to
 * the other replica and the primary, and still no request after the commit is ALLOWed (correctness).
 */
class ReplicaRaceIT {

    static final int ROUNDS = 15;
    static final int ROUNDS_WITH_A_KILL = 3;
    static final String SYNCHRONOUS = "ANY 2 (replica1, replica2)";

    static ReplicatedPostgres cluster;
    static ConfigurableApplicationContext node1;
    static ConfigurableApplicationContext node2;
    static OwnershipRace race;
    static DecisionFixture fixture;
    static String admin;

    @BeforeAll
    static void startClusterAndNodes() {
        cluster = ReplicatedPostgres.start(2, SYNCHRONOUS);
        String replicas = "--bridgekeeper.db.replica-urls=" + String.join(",", cluster.replicaUrls());
        node1 = SecondNode.start(cluster.primaryUrl(), "postgres", "", "replica-node-1", replicas);
        node2 = SecondNode.start(cluster.primaryUrl(), "postgres", "", "replica-node-2", replicas);
        fixture = node1.getBean(DecisionFixture.class);
        JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
        admin = fixture.admin();
        String credential = node1.getBean(RunAs.class).as(admin,
                () -> node1.getBean(ServiceCredentialService.class).create("replica race plane").key());
        race = new OwnershipRace(credential, port(node1), port(node2));
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
                .as("a node's commits wait until the synchronous standbys have applied them").isEqualTo("remote_apply");
        awaitServing(2);
    }

    @AfterAll
    static void stopAll() {
        try {
            if (race != null) {
                race.close();
            }
            for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node2, node1}) {
                if (node != null) {
                    node.close();
                }
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void no_node_allows_the_old_owner_once_an_unlink_has_committed_with_reads_on_synchronous_replicas() {
        Vendor vendor = fixture.vendor("replica-race");
        syncBothNodes();
        double replicaReadsBefore = replicaReads();
        OwnershipRace.Totals totals = new OwnershipRace.Totals("unlink on replicas");
        for (int round = 1; round <= ROUNDS; round++) {
            Household h = fixture.household(vendor);
            OwnershipRace.Outcomes o = race.race(vendor, h, () -> unlink(h));
            o.check(round, "LINK_ENDED", totals);
            // remote_apply: by the time the household is told, both replicas show the link ended
            for (int r = 1; r <= 2; r++) {
                assertThat(cluster.replica(r).queryString("select status from account_link where id = " + h.linkId()))
                        .as("round %d: replica %d has applied the unlink when the call returns", round, r)
                        .isNotEqualTo("LIVE");
            }
        }
        totals.print();
        double replicaReads = replicaReads() - replicaReadsBefore;
        System.out.printf("replica reads during the race: %.0f%n", replicaReads);
        assertThat(replicaReads).as("authorization read the replicas").isGreaterThan(ROUNDS * 10);
    }

    @Test
    void a_replica_killed_during_the_race_costs_a_moment_of_availability_and_no_wrong_allow() throws Exception {
        Vendor vendor = fixture.vendor("replica-kill");
        syncBothNodes();
        OwnershipRace.Totals totals = new OwnershipRace.Totals("unlink with replica 1 killed");
        for (int r = 1; r <= ROUNDS_WITH_A_KILL; r++) {
            int round = r;
            Household h = fixture.household(vendor);
            OwnershipRace.Outcomes o = race.race(vendor, h, () -> {
                cluster.replica(1).kill();
                // the replica comes back in a moment; until then the primary cannot commit (ANY 2 of 2)
                CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                    pause(1000);
                    cluster.replica(1).start();
                });
                long started = System.nanoTime();
                unlink(h);
                System.out.printf("round %d: the unlink waited %d ms for the killed replica to come back%n", round,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                restart.join();
            });
            o.check(round, "LINK_ENDED", totals);
            awaitServing(2);
        }
        totals.print();
        double fallbacks = List.of(node1, node2).stream().mapToDouble(n -> n.getBean(MeterRegistry.class)
                .counter("bridgekeeper.db.replica.fallbacks").count()).sum();
        System.out.printf("reads that failed on the killed replica and were made on the primary: %.0f%n", fallbacks);
        assertThat(fallbacks).as("reads reached the killed replica, failed there and were answered all the same")
                .isPositive();
    }

    private static void unlink(Household h) {
        node1.getBean(RunAs.class).as(h.email(), () -> node1.getBean(UnlinkService.class).unlink(h.linkId()));
    }

    private static double replicaReads() {
        return List.of(node1, node2).stream().mapToDouble(n -> n.getBean(MeterRegistry.class)
                .counter("bridgekeeper.db.decision.reads", "on", "replica").count()).sum();
    }

    private static void awaitServing(int replicas) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConfigurableApplicationContext node : List.of(node1, node2)) {
                assertThat(node.getBean(ReadReplicas.class).status()).filteredOn(ReadReplicas.ReplicaStatus::serving)
                        .as("replicas serving decision reads").hasSize(replicas);
            }
        });
    }

    private static void syncBothNodes() {
        fixture.sync();
        node2.getBean(DecisionState.class).awaitCurrent(Duration.ofSeconds(10));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
