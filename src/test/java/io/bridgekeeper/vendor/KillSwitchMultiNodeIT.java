package io.bridgekeeper.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app instances on one database: the test's own context (node 1) and a second instance of the
 * same application started on the same PostgreSQL (node 2). Suspending on node 1 must be refused
 * on node 2 from its memory, and a lost LISTEN connection must not leave node 2 behind.
 */
@IntegrationTest
class KillSwitchMultiNodeIT {

    static ConfigurableApplicationContext node2;

    @Autowired
    SuspensionService suspensions;
    @Autowired
    VendorService vendors;
    @Autowired
    TestVendors testVendors;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondNode(@Autowired HikariDataSource dataSource) {
        node2 = secondNode(dataSource, "node-2");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    /** Another node on the same database (see {@link SecondNode}). */
    static ConfigurableApplicationContext secondNode(HikariDataSource dataSource, String nodeId) {
        return SecondNode.start(dataSource, nodeId);
    }

    @Test
    void a_suspension_on_one_node_is_refused_on_the_other_and_the_page_sees_both_nodes() {
        KillSwitch other = node2.getBean(KillSwitch.class);
        TestVendor v = testVendors.create("twonodes");
        assertThat(other.isSuspended(v.id(), Capability.CAMERA_STREAM)).isFalse();

        long suspensionId = suspend(v, SuspensionReason.OUTAGE);

        await().atMost(Duration.ofSeconds(10)).until(() -> other.isSuspended(v.id(), Capability.CAMERA_STREAM));
        await().atMost(Duration.ofSeconds(10)).until(() -> run.as(DemoAccounts.ADMIN,
                () -> suspensions.applications(suspensionId, false)).stream()
                .filter(a -> a.appliedAt() != null).map(NodeApplication::nodeId).toList().contains("node-2"));

        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), vendors.detail(v.id()).version(), "the fault is fixed"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !other.isSuspended(v.id(), Capability.CAMERA_STREAM));
    }

    @Test
    void after_losing_its_listen_connection_a_node_reloads_and_misses_nothing() {
        KillSwitch other = node2.getBean(KillSwitch.class);
        TestVendor v = testVendors.create("reconnect");

        // cut node 2's LISTEN connection, and suspend while it is gone
        Integer cut = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = 'bridgekeeper-listen-node-2'", Integer.class);
        assertThat(cut).as("node 2's LISTEN connections").isEqualTo(1);
        suspend(v, SuspensionReason.OUTAGE);

        await().atMost(Duration.ofSeconds(15)).until(() -> other.isSuspended(v.id(), Capability.CONTROL));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from pg_stat_activity "
                + "where application_name = 'bridgekeeper-listen-node-2'", Integer.class) == 1);
    }

    private long suspend(TestVendor v, SuspensionReason reason) {
        return run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(v.id(),
                vendors.detail(v.id()).version(), true, null, reason, "Kill switch test", null, v.slug())));
    }
}
