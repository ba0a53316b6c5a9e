package io.bridgekeeper.replay;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.audit.ExposureReports;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.rollout.RolloutFixtures;
import io.bridgekeeper.rollout.RolloutGuards;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: the 2019 incident replayed at {@code -Dreplay.households} (default 10,000)
 * households on two nodes, once with Bridgekeeper's checks and once without, printing the figures of
 * docs/incident-replay.md. Run with
 * {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IncidentReplayBenchmark}.
 */
@IntegrationTest
class IncidentReplayBenchmark {

    static ConfigurableApplicationContext node2;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RolloutFixtures rollouts;
    @Autowired
    RolloutGuards guards;
    @Autowired
    DecisionFixture decisions;
    @Autowired
    ExposureReports exposure;
    @Autowired
    RunAs runAs;
    @LocalServerPort
    int port;

    @BeforeAll
    static void startSecondNode(@Autowired HikariDataSource dataSource) {
        node2 = SecondNode.start(dataSource, "replay-bench-node-2", "--bridgekeeper.db.pool-size=10");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void replay_with_and_without_the_checks() throws Exception {
        int households = Integer.getInteger("replay.households", 10_000);
        Duration stage = Duration.ofSeconds(Integer.getInteger("replay.stageSeconds", 10));
        int port2 = Integer.parseInt(node2.getEnvironment().getProperty("local.server.port"));
        ReplayRun replay = new ReplayRun(jdbc, rollouts, guards, decisions, exposure, runAs, List.of(port, port2));
        StringBuilder out = new StringBuilder();
        for (boolean checks : new boolean[] {true, false}) {
            ReplayFigures f = replay.run(new ReplayRun.Settings(households, 16, stage, Duration.ofSeconds(5), 0.3,
                    2_000_000, checks));
            out.append(f.print());
        }
        System.out.println(out);
    }
}
