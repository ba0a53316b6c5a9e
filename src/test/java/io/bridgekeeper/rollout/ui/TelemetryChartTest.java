package io.bridgekeeper.rollout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.TelemetryPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The telemetry chart tells each minute's numbers on hover. */
class TelemetryChartTest {

    @Test
    void every_minute_has_a_tooltip_with_its_numbers() {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        String svg = TelemetryChart.svg(List.of(new TelemetryPoint(t, 1200, 3, 0), new TelemetryPoint(t.plusSeconds(60), 900, 0, 1)));
        assertThat(svg).contains("<title>" + Formats.minute(t) + ": 1,200 deliveries, 3 errors, 0 isolation violations</title>")
                .contains("<title>" + Formats.minute(t.plusSeconds(60)) + ": 900 deliveries, 0 errors, 1 isolation violations</title>");
    }
}
