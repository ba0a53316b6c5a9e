package io.bridgekeeper.rollout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.rollout.GuardReading;
import io.bridgekeeper.rollout.RolloutDetail;
import io.bridgekeeper.rollout.RolloutStage;
import io.bridgekeeper.rollout.RolloutState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rollout page's one sentence on what happens next, from the guards' own numbers. */
class NextStepTest {

    static final Instant NOW = Instant.parse("2026-12-04T13:50:00Z");
    static final Words EN = Words.of(Locale.ENGLISH);

    static RolloutDetail rollout(RolloutState state, Integer stage) {
        List<RolloutStage> stages = List.of(new RolloutStage(0, 5, null, null), new RolloutStage(1, 25, null, null),
                new RolloutStage(2, 100, null, null));
        return new RolloutDetail(1, 2, "lumacam", "LumaCam", 3, "1.0", 4, "2.0", state, "salt", stage, stages, 720, 500,
                new BigDecimal("0.02"), 600, 9, "Pat", NOW, NOW, null, null, null, NOW, NOW, NOW, null, null, 0);
    }

    static GuardReading reading(long deliveries, long errors, long violations, long baked) {
        return new GuardReading(NOW.minusSeconds(baked), NOW, deliveries, errors, violations, NOW, baked, 720, 500,
                new BigDecimal("0.02"), 600);
    }

    @Test
    void a_running_stage_says_when_it_advances_and_on_what_condition() {
        assertThat(NextStep.sentence(EN, rollout(RolloutState.RUNNING, 0), reading(120, 1, 0, 0)))
                .isEqualTo("Advances to 25 % at " + Formats.timeOfDay(NOW.plusSeconds(720)) + " if errors stay under 2 % "
                        + "and 500 deliveries are reached (120 so far). Halts at the first isolation violation; pauses after "
                        + "10 min without telemetry.");
        assertThat(NextStep.sentence(EN, rollout(RolloutState.RUNNING, 0), reading(900, 1, 0, 720)))
                .startsWith("Advances to 25 % within seconds");
        assertThat(NextStep.sentence(EN, rollout(RolloutState.RUNNING, 2), reading(100, 0, 0, 800)))
                .startsWith("Completes (2.0 becomes stable) as soon as errors stay under 2 % and 500 deliveries");
    }

    @Test
    void a_tripped_guard_says_what_it_does_now() {
        assertThat(NextStep.sentence(EN, rollout(RolloutState.RUNNING, 0), reading(900, 0, 1, 10)))
                .startsWith("Halts and rolls back to 1.0 now");
        assertThat(NextStep.sentence(EN, rollout(RolloutState.RUNNING, 0), reading(900, 100, 0, 10)))
                .startsWith("Pauses now: the error rate is over 2 %");
    }

    @Test
    void a_paused_rollout_says_what_resume_will_do_and_ended_ones_that_nothing_more_happens() {
        assertThat(NextStep.sentence(EN, rollout(RolloutState.PAUSED, 1), reading(0, 0, 0, 0)))
                .isEqualTo("Paused: nothing moves. Resume keeps 25 % on 2.0 and starts a fresh observation window: "
                        + "the bake time and the guards count again from then.");
        assertThat(NextStep.sentence(EN, rollout(RolloutState.ROLLED_BACK, null), reading(0, 0, 0, 0)))
                .contains("back on 1.0");
        assertThat(NextStep.sentence(EN, rollout(RolloutState.PENDING_APPROVAL, null), reading(0, 0, 0, 0)))
                .isEqualTo("Waits for an admin other than Pat to approve or reject it.");
    }

    @Test
    void a_german_partner_reads_it_in_german() {
        assertThat(NextStep.sentence(Words.of(Locale.GERMAN), rollout(RolloutState.RUNNING, 0), reading(1200, 1, 0, 0)))
                .isEqualTo("Schaltet weiter auf 25 % um " + Formats.timeOfDay(NOW.plusSeconds(720)) + ", wenn die Fehler "
                        + "unter 2 % bleiben. Hält bei der ersten Isolationsverletzung an; pausiert nach 10 min ohne Telemetrie.");
        assertThat(NextStep.sentence(Words.of(Locale.GERMAN), rollout(RolloutState.RUNNING, 0), reading(120, 1, 0, 0)))
                .contains("und 500 Auslieferungen erreicht sind (bisher 120)");
    }
}
