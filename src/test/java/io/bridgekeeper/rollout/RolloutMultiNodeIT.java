package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.rollout.RolloutFixtures.Setup;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.SecondNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app instances on one database tick at the same moment: the stage advances once, and only
 * one node ran the tick (the other found the lock taken).
 */
@IntegrationTest
class RolloutMultiNodeIT {

    static ConfigurableApplicationContext node2;

    @Autowired
    RolloutFixtures fx;
    @Autowired
    RolloutTicker ticker;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondNode(@Autowired HikariDataSource dataSource) {
        node2 = SecondNode.start(dataSource, "rollout-node-2", "--bridgekeeper.rollouts.scheduler-enabled=false");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void the_scheduler_advances_a_baked_stage_once_when_two_nodes_tick_together() throws Exception {
        Setup s = fx.vendor("twonodes");
        long id = fx.running(s, fx.plan(s, StagePlan.TEMPLATE, 600, 100, "0.05", 3600));
        // a controlled clock far in the past: every other rollout in the database has not started yet then
        Instant stageStart = Instant.parse("2020-01-01T00:00:00Z");
        fx.stageStartedAt(id, stageStart);
        fx.telemetry(s, s.targetVersion(), stageStart, 9, 20, 0);
        Instant tick = stageStart.plusSeconds(630);
        RolloutTicker other = node2.getBean(RolloutTicker.class);

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Optional<Integer>> one = CompletableFuture.supplyAsync(() -> await(go, () -> ticker.advanceDue(tick)));
        CompletableFuture<Optional<Integer>> two = CompletableFuture.supplyAsync(() -> await(go, () -> other.advanceDue(tick)));
        go.countDown();
        List<Optional<Integer>> results = List.of(one.get(), two.get());

        assertThat(results).as("exactly one node ran the tick").filteredOn(r -> r != null && r.isPresent()).hasSize(1);
        assertThat(fx.stage(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where target_type = 'rollout' and target_id = ? "
                + "and action = 'ROLLOUT_ADVANCED'", Long.class, String.valueOf(id))).isEqualTo(1);
    }

    private static <T> T await(CountDownLatch latch, java.util.function.Supplier<T> action) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
