package io.bridgekeeper.rollout;

import java.time.Instant;

/** One audit event of a rollout, as its page shows it ({@code before}/{@code after} as JSON text). */
public record RolloutAuditEntry(long id, Instant at, String actor, String action, String before, String after) {
}
