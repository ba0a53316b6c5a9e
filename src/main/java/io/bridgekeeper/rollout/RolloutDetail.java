package io.bridgekeeper.rollout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything the rollout page shows about the rollout itself. */
public record RolloutDetail(long id, long vendorId, String vendorSlug, String vendorName,
                            long fromVersionId, String fromLabel, long toVersionId, String toLabel,
                            RolloutState state, String salt, Integer currentStage, List<RolloutStage> stages,
                            int bakeSeconds, long minDeliveries, BigDecimal errorRateThreshold, int noDataSeconds,
                            long createdById, String createdBy, Instant createdAt, Instant submittedAt,
                            String decidedBy, Instant decidedAt, String decisionReason, Instant startedAt,
                            Instant stageStartedAt, Instant observedSince, Instant endedAt, String pauseReason,
                            long version) {

    /** The live percentage, or 0 before the start and after a rollback. */
    public int currentPercent() {
        if (state == RolloutState.COMPLETED) {
            return 100;
        }
        if (currentStage == null || !state.isActive()) {
            return 0;
        }
        return stages.get(currentStage).percent();
    }

    public boolean onLastStage() {
        return currentStage != null && currentStage == stages.size() - 1;
    }

    /** The percentage the next advance moves to, or null on the last stage. */
    public Integer nextPercent() {
        if (currentStage == null) {
            return stages.getFirst().percent();
        }
        return onLastStage() ? null : stages.get(currentStage + 1).percent();
    }
}
