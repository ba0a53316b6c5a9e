package io.bridgekeeper.rollout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers the guards decide on, over the rollout's observation window (since the current stage
 * started or the rollout was last resumed): the target version's deliveries, errors and isolation
 * violations, when telemetry last came in, and how long the stage has baked.
 */
public record GuardReading(Instant windowStart, Instant at, long deliveries, long errors, long isolationViolations,
                           Instant lastTelemetryAt, long bakedSeconds, int bakeSeconds, long minDeliveries,
                           BigDecimal errorRateThreshold, int noDataSeconds) {

    /** Errors over deliveries, 0 without deliveries. */
    public double errorRate() {
        return deliveries == 0 ? 0 : (double) errors / deliveries;
    }

    public boolean sampleReached() {
        return deliveries >= minDeliveries;
    }

    public boolean errorRateTripped() {
        return sampleReached() && deliveries > 0 && errorRate() > errorRateThreshold.doubleValue();
    }

    /** Seconds since the last telemetry minute ended, or since the window started when none came. */
    public long silentSeconds() {
        Instant last = lastTelemetryAt == null || lastTelemetryAt.isBefore(windowStart) ? windowStart : lastTelemetryAt;
        return Math.max(0, at.getEpochSecond() - last.getEpochSecond());
    }

    public boolean noDataTripped() {
        return silentSeconds() >= noDataSeconds;
    }

    public boolean baked() {
        return bakedSeconds >= bakeSeconds;
    }

    /** Every guard green, the sample seen and the bake time over: the stage may advance by itself. */
    public boolean mayAdvance() {
        return isolationViolations == 0 && !errorRateTripped() && !noDataTripped() && sampleReached() && baked();
    }

    /** The numbers as the evidence of an automatic action (audit, incident), in a stable order. */
    Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("windowStart", windowStart.toString());
        e.put("at", at.toString());
        e.put("deliveries", deliveries());
        e.put("errors", errors());
        e.put("errorRate", errorRate());
        e.put("errorRateThreshold", errorRateThreshold());
        e.put("minDeliveries", minDeliveries());
        e.put("isolationViolations", isolationViolations());
        e.put("silentSeconds", silentSeconds());
        e.put("noDataSeconds", noDataSeconds());
        e.put("bakedSeconds", bakedSeconds());
        e.put("bakeSeconds", bakeSeconds());
        return e;
    }
}
