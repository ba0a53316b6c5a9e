package io.bridgekeeper.replay;

import io.bridgekeeper.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the 2019 incident replayed at {@code -Dreplay.households} (default 10,000)
 * households on two nodes, once with Bridgekeeper's checks and once without, printing the figures of
 * docs/incident-replay.md. Run with
 * {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IncidentReplayBenchmark}.
 */
@IntegrationTest
class IncidentReplayBenchmark extends ReplayNodes {

    @Test
    void replay_with_and_without_the_checks() throws Exception {
        int households = Integer.getInteger("replay.households", 10_000);
        Duration stage = Duration.ofSeconds(Integer.getInteger("replay.stageSeconds", 10));
        ReplayRun replay = replay();
        StringBuilder out = new StringBuilder();
        for (boolean checks : new boolean[] {true, false}) {
            ReplayFigures f = replay.run(new ReplayRun.Settings(households, 16, stage, Duration.ofSeconds(5), 0.3,
                    2_000_000, checks));
            out.append(f.print());
        }
        System.out.println(out);
    }
}
