package io.bridgekeeper.rollout;

import java.time.Instant;

/** One stage of a rollout: its percentage and when it started and ended (null: not yet). */
public record RolloutStage(int index, int percent, Instant startedAt, Instant completedAt) {
}
