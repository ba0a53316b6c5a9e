package io.bridgekeeper.audit;

import java.time.Instant;

/** An incident as the list shows it. */
public record IncidentSummary(long id, IncidentKind kind, Severity severity, IncidentState state, String title,
                              String vendorName, Long rolloutId, Instant openedAt, long violations) {
}
