package io.bridgekeeper.replay;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.audit.ExposureReports;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.rollout.RolloutFixtures;
import io.bridgekeeper.rollout.RolloutGuards;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two nodes a replay runs against: the test's application and a second one on the same database,
 * with production's pool of 10 connections (the test default of 3 starves under the fleet).
 */
abstract class ReplayNodes {

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
        node2 = SecondNode.start(dataSource, "replay-node-2", "--bridgekeeper.db.pool-size=10");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    ReplayRun replay() {
        int port2 = Integer.parseInt(node2.getEnvironment().getProperty("local.server.port"));
        return new ReplayRun(jdbc, rollouts, guards, decisions, exposure, runAs, List.of(port, port2));
    }
}
