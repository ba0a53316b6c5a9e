package io.bridgekeeper.rollout;

import java.time.Instant;

/** An incident linked to a rollout. */
public record RolloutIncident(long id, String kind, String severity, String state, String title, Instant openedAt) {
}
