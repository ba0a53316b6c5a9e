package io.bridgekeeper.rollout;

import java.math.BigDecimal;

/**
 * A rollout plan: from the vendor's stable version to {@code toVersionId}, through the stages, each
 * baking {@code bakeSeconds} and needing {@code minDeliveries} before an automatic decision; paused
 * above {@code errorRateThreshold} (0..1) or after {@code noDataSeconds} without telemetry.
 */
public record NewRollout(long vendorId, long toVersionId, StagePlan stages, int bakeSeconds, long minDeliveries,
                         BigDecimal errorRateThreshold, int noDataSeconds) {
}
