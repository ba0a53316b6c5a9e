package io.bridgekeeper.audit;

import java.time.Instant;

/**
 * One line of an incident's timeline, in plain words: when, what kind of step ({@code FIRST_VIOLATION},
 * {@code ROLLOUT_HALTED}, {@code SUSPENDED}, {@code APPLIED_ON_NODE}, …), who or what acted, and what
 * happened. {@code sinceFirstMixUpMillis} is filled in by the timeline (null before the first mix-up).
 */
public record TimelineEntry(Instant at, String kind, String actor, String text, Long sinceFirstMixUpMillis) {

    public TimelineEntry(Instant at, String kind, String actor, String text) {
        this(at, kind, actor, text, null);
    }

    TimelineEntry offsetFrom(Instant first) {
        return new TimelineEntry(at, kind, actor, text,
                first == null || at.isBefore(first) ? null : java.time.Duration.between(first, at).toMillis());
    }
}
