package io.bridgekeeper.rollout;

import java.time.Instant;

/** A rollout as the list shows it. {@code currentPercent} is null before it starts. */
public record RolloutRow(long id, long vendorId, String vendorName, String fromLabel, String toLabel,
                         RolloutState state, Integer currentPercent, String createdBy, Instant createdAt) {
}
