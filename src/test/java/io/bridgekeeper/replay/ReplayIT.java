package io.bridgekeeper.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The 2019 incident, replayed end to end (issue 15, docs/incident-replay.md) at a scale CI runs in about
 * a minute: a simulated fleet of displays asks two real nodes before every still while the defective
 * cache version rolls out. With the checks on, no display shows another household's still, the rollout
 * halts and rolls back, the cameras are switched off on both nodes, and the exposure report names
 * exactly the households the cache mixed up. With the checks off, the same fleet does show strangers'
 * stills (so the replay can fail).
 */
@IntegrationTest
class ReplayIT extends ReplayNodes {

    static ReplayRun.Settings settings(boolean checks) {
        return new ReplayRun.Settings(1_000, 12, Duration.ofSeconds(5), Duration.ofSeconds(3), 0.3, 2_000_000, checks);
    }

    @Test
    void with_the_checks_no_display_shows_a_strangers_still_and_the_report_equals_the_ground_truth() throws Exception {
        ReplayFigures f = replay().run(settings(true));
        System.out.println(f.print());

        assertThat(f.mixedUp()).as("the defective cache mixed stills up").isPositive();
        assertThat(f.shownToWrongHousehold()).as("stills shown to the wrong household").isZero();
        assertThat(f.apiErrors()).isZero();
        assertThat(f.rolloutState()).isEqualTo("ROLLED_BACK");
        assertThat(f.firstMixUpToHalt()).isNotNull();
        assertThat(f.nodesApplied()).as("the cameras' suspension applied on both nodes").isEqualTo(2);
        assertThat(f.incidentId()).isNotNull();
        assertThat(f.reportedPairs()).as("exposure report = ground truth").isEqualTo(f.attemptedPairs());
        assertThat(f.shown()).as("the displays kept working for everyone else, until the cameras went off")
                .isPositive();
    }

    @Test
    void without_the_checks_the_same_fleet_shows_strangers_stills_as_in_2019() throws Exception {
        ReplayFigures f = replay().run(settings(false));
        System.out.println(f.print());

        assertThat(f.shownToWrongHousehold()).isPositive().isEqualTo(f.mixedUp());
        assertThat(f.incidentId()).as("nothing told Bridgekeeper").isNull();
        assertThat(f.rolloutState()).isNotEqualTo("ROLLED_BACK");
    }
}
