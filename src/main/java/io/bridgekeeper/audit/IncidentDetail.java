package io.bridgekeeper.audit;

import java.time.Instant;
import java.util.List;

/** An incident with its evidence and timeline. */
public record IncidentDetail(long id, IncidentKind kind, Severity severity, IncidentState state, String title,
                             Long vendorId, String vendorName, String vendorSlug, Long rolloutId,
                             String rolloutDescription, String evidence, Instant openedAt, String openedBy,
                             Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
                             List<TimelineEntry> timeline) {

    /** One line of the timeline: opened, acknowledged, resolved or a note. */
    public record TimelineEntry(long id, Instant at, String kind, String author, String note) {
    }
}
