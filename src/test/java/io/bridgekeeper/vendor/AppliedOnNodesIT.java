package io.bridgekeeper.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.base.cluster.NodeIdentity;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.NodeProcess;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "Applied on N of N nodes" must tell the truth: a node that starts (or restarts) during an open
 * suspension enforces it, so it records that it applied it; a node that crashes leaves the count
 * within {@link NodeIdentity#ALIVE}, and one that stops cleanly leaves it at once.
 */
@IntegrationTest
class AppliedOnNodesIT {

    @Autowired
    SuspensionService suspensions;
    @Autowired
    VendorService vendors;
    @Autowired
    TestVendors testVendors;
    @Autowired
    RunAs run;
    @Autowired
    HikariDataSource dataSource;

    @Test
    void a_node_that_starts_or_restarts_during_a_suspension_counts_as_applied() {
        TestVendor v = testVendors.create("applied-restart");
        long suspensionId = suspend(v);

        ConfigurableApplicationContext node = SecondNode.start(dataSource, "applied-restart");
        try {
            assertThat(node.getBean(KillSwitch.class).isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> applied(suspensionId, "applied-restart"));
            assertAllApplied(suspensionId);
        } finally {
            node.close();
        }
        assertThat(nodes(suspensionId)).as("a node that stopped cleanly leaves at once")
                .extracting(NodeApplication::nodeId).doesNotContain("applied-restart");

        ConfigurableApplicationContext restarted = SecondNode.start(dataSource, "applied-restart");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> applied(suspensionId, "applied-restart"));
            assertAllApplied(suspensionId);
        } finally {
            restarted.close();
        }
    }

    @Test
    void a_crashed_node_leaves_the_count_within_the_stated_time() throws Exception {
        TestVendor v = testVendors.create("applied-crash");
        long suspensionId = suspend(v);

        try (NodeProcess node = NodeProcess.start(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword(), "applied-crash", "--bridgekeeper.db.pool-size=3")) {
            node.awaitReady(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied(suspensionId, "applied-crash"));
            assertAllApplied(suspensionId);

            node.kill();
            long killed = System.nanoTime();
            assertThat(node.waitFor(Duration.ofSeconds(10))).isTrue();
            await().atMost(NodeIdentity.ALIVE.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> nodes(suspensionId).stream().noneMatch(n -> n.nodeId().equals("applied-crash")));
            long gone = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            System.out.printf("AppliedOnNodesIT: a node killed with -9 left the count %d ms later (stated: within %d s)%n",
                    gone, NodeIdentity.ALIVE.toSeconds());
            assertAllApplied(suspensionId);
        }
    }

    private boolean applied(long suspensionId, String nodeId) {
        return nodes(suspensionId).stream().anyMatch(n -> n.nodeId().equals(nodeId) && n.appliedAt() != null);
    }

    /** "Applied on N of N": every node counted has applied it. */
    private void assertAllApplied(long suspensionId) {
        assertThat(nodes(suspensionId)).isNotEmpty().allSatisfy(n -> assertThat(n.appliedAt()).as(n.nodeId()).isNotNull());
    }

    private List<NodeApplication> nodes(long suspensionId) {
        return run.as(DemoAccounts.ADMIN, () -> suspensions.applications(suspensionId, false));
    }

    private long suspend(TestVendor v) {
        return run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(v.id(),
                vendors.detail(v.id()).version(), true, null, SuspensionReason.OUTAGE, "Applied-on test", null, v.slug())));
    }
}
