package io.bridgekeeper.audit;

import java.time.Instant;
import java.util.List;

/**
 * What another module adds to an incident's timeline from its own tables (the vendor module: when each
 * node applied a suspension). The audit module asks every source; it depends on none of them.
 */
public interface IncidentTimelineSource {

    /** Entries about the vendor from {@code since} on. */
    List<TimelineEntry> entries(long vendorId, Instant since);
}
