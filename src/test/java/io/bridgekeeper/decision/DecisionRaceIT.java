package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ownership is never stale, across two app instances: once an unlink or a transfer has committed, no
 * node allows the old owner again. The test's own context is node 1; {@link SecondNode} starts node 2
 * on the same database. Each round, {@value OwnershipRace#WORKERS_PER_NODE} threads per node ask authorize over
 * HTTP without pause (the old owner's camera onto the old owner's display, with the key resolved
 * while the link was live), each noting when it sent every request ({@code System.nanoTime()} just
 * before) and the answer. Meanwhile the main thread ends the ownership through the real service, so
 * its transaction really commits, and notes the time the call returned: by then it has committed.
 * The threads keep asking until every one of them has sent several requests after that moment.
 *
 * <p>Checked every round, on each node: every request answered before the change began was ALLOW;
 * every request sent after the commit was DENY with the reason the change explains, never ALLOW.
 * A request in flight across the commit may go either way. So that the test cannot pass without
 * racing, each round must have seen ALLOWs and post-commit DENYs on both nodes; the figures are printed.
 *
 * <p>The transfer race uses a vendor of its own with {@code auto_suspend_on_violation = false}:
 * after a transfer the old owner's request (the camera, now the new owner's, onto the old owner's
 * display, with the key issued to the old owner) is refused as {@code OWNER_CHANGED}, a stale key and
 * no violation, while the new owner's request with the key issued to the old owner is
 * {@code OWNER_MISMATCH}, a proven isolation violation. Under the default policy that one would
 * suspend the vendor, and every later answer would be {@code VENDOR_SUSPENDED} from memory, which
 * proves nothing about ownership; with the policy off, each answer after the commit must come from
 * the ownership read itself.
 */
@IntegrationTest
class DecisionRaceIT {

    /**
     * Many rounds: a node answering from memory is caught only in a round where its NOTIFY lags behind
     * the first requests sent after the commit, which is not every round.
     */
    static final int UNLINK_ROUNDS = 40;
    /** Fewer: each round ends with the new owner presenting the old owner's key, a proven violation on each node. */
    static final int TRANSFER_ROUNDS = 5;

    static ConfigurableApplicationContext node2;
    static OwnershipRace race;

    @Autowired
    DecisionFixture fixture;
    @Autowired
    UnlinkService unlinks;
    @Autowired
    DeviceService devices;
    @Autowired
    RunAs runAs;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondNodeAndClients(@Autowired HikariDataSource dataSource, @Autowired Environment env,
                                          @Autowired DecisionFixture fixture) {
        node2 = SecondNode.start(dataSource, "race-node-2");
        int port1 = Integer.parseInt(env.getRequiredProperty("local.server.port"));
        int port2 = Integer.parseInt(node2.getEnvironment().getRequiredProperty("local.server.port"));
        // created on node 1; node 2 learns of it through the database's NOTIFY
        String credential = fixture.credential();
        try (DecisionClient probe = new DecisionClient(port2, credential)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.resolve("no-such-vendor", "x").status() == 200);
        }
        race = new OwnershipRace(credential, port1, port2);
    }

    @AfterAll
    static void stopSecondNode() {
        if (race != null) {
            race.close();
        }
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void no_node_allows_the_old_owner_once_an_unlink_has_committed() {
        Vendor vendor = fixture.vendor("race-unlink");
        syncBothNodes();
        OwnershipRace.Totals totals = new OwnershipRace.Totals("unlink");
        for (int round = 1; round <= UNLINK_ROUNDS; round++) {
            Household h = fixture.household(vendor);
            OwnershipRace.Outcomes o = race.race(vendor, h, () -> runAs.as(h.email(), () -> {
                unlinks.unlink(h.linkId());
            }));
            o.check(round, "LINK_ENDED", totals);
        }
        totals.print();
        assertThat(jdbc.queryForObject("select count(*) from isolation_violation where vendor_id = ?", Integer.class,
                vendor.id())).as("an unlink ends ownership without any isolation violation").isZero();
    }

    @Test
    void no_node_allows_the_old_owner_once_a_transfer_has_committed() {
        Vendor vendor = fixture.vendor("race-transfer");
        jdbc.update("update vendor set auto_suspend_on_violation = false where id = ?", vendor.id());
        syncBothNodes();
        OwnershipRace.Totals totals = new OwnershipRace.Totals("transfer");
        for (int round = 1; round <= TRANSFER_ROUNDS; round++) {
            Household from = fixture.household(vendor);
            Household to = fixture.household(vendor);
            OwnershipRace.Outcomes o = race.race(vendor, from, () -> runAs.as(DemoAccounts.ADMIN, () -> {
                devices.transfer(from.cameraRowId(), to.email(), "race test: camera given to another household");
            }));
            o.check(round, "OWNER_CHANGED", totals);
            assertThat(jdbc.queryForObject("select count(*) from isolation_violation where vendor_id = ?",
                    Integer.class, vendor.id())).as("round %d: the old owner's stale requests are no violation", round)
                    .isEqualTo(2 * (round - 1));

            // the new owner: the old owner's key is refused on both nodes, a key of its own is allowed
            String oldKey = o.key();
            syncBothNodes();
            String newKey = race.workers.getFirst().client.resolve(vendor.slug(), from.cameraId()).cacheKey();
            for (OwnershipRace.Worker w : List.of(race.workers.getFirst(), race.workers.getLast())) {
                assertThat(w.client.authorize(vendor.slug(), from.cameraId(), to.displayId(), to.accountId(), oldKey)
                        .reason()).as("node %d: the new owner with the old owner's key", w.node).isEqualTo("OWNER_MISMATCH");
                assertThat(w.client.authorize(vendor.slug(), from.cameraId(), to.displayId(), to.accountId(), newKey)
                        .outcome()).as("node %d: the new owner with its own key", w.node).isEqualTo("ALLOW");
            }
        }
        totals.print();
    }

    private void syncBothNodes() {
        fixture.sync();
        node2.getBean(DecisionState.class).awaitCurrent(Duration.ofSeconds(10));
    }
}
