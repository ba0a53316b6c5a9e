package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuardReadingTest {

    static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    static GuardReading reading(long deliveries, long errors, long violations, Instant lastTelemetry, long baked) {
        return new GuardReading(START, START.plusSeconds(baked), deliveries, errors, violations, lastTelemetry, baked,
                3600, 500, new BigDecimal("0.02"), 900);
    }

    @Test
    void the_error_rate_trips_only_after_the_minimum_sample() {
        assertThat(reading(100, 50, 0, START.plusSeconds(3600), 3600).errorRateTripped()).isFalse();
        assertThat(reading(500, 11, 0, START.plusSeconds(3600), 3600).errorRateTripped()).isTrue();
        assertThat(reading(500, 10, 0, START.plusSeconds(3600), 3600).errorRateTripped()).as("at the threshold")
                .isFalse();
    }

    @Test
    void silence_counts_from_the_last_minute_or_from_the_window_start() {
        assertThat(reading(0, 0, 0, null, 899).noDataTripped()).isFalse();
        assertThat(reading(0, 0, 0, null, 900).noDataTripped()).isTrue();
        assertThat(reading(10, 0, 0, START.plusSeconds(3000), 3600).silentSeconds()).isEqualTo(600);
    }

    @Test
    void a_stage_may_advance_only_baked_with_its_sample_and_every_guard_green() {
        Instant recent = START.plusSeconds(3600);
        assertThat(reading(500, 5, 0, recent, 3600).mayAdvance()).isTrue();
        assertThat(reading(500, 5, 0, recent, 3599).mayAdvance()).as("still baking").isFalse();
        assertThat(reading(499, 5, 0, recent, 3600).mayAdvance()).as("below the sample").isFalse();
        assertThat(reading(500, 5, 1, recent, 3600).mayAdvance()).as("a violation").isFalse();
        assertThat(reading(500, 50, 0, recent, 3600).mayAdvance()).as("errors").isFalse();
        assertThat(reading(500, 5, 0, START.plusSeconds(2000), 3600).mayAdvance()).as("silent").isFalse();
    }
}
