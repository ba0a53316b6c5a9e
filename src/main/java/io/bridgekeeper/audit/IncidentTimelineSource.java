package io.bridgekeeper.audit;

import java.time.Instant;
import java.util.List;

/**
 * What another module adds to an incident's timeline from its own tables (the vendor module: when each
 * node applied a suspension). The audit module asks every source; it depends on none of them.
 */
public interface IncidentTimelineSource {

    /** Entries about the vendor from {@code since} on, in English. */
    List<TimelineEntry> entries(long vendorId, Instant since);

    /** The same entries in {@code locale}'s words (the incident page); English unless a source words them. */
    default List<TimelineEntry> entries(long vendorId, Instant since, java.util.Locale locale) {
        return entries(vendorId, since);
    }
}
