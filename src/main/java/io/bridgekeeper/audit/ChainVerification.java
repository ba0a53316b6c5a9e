package io.bridgekeeper.audit;

import io.bridgekeeper.base.Translations;
import java.util.Locale;

/**
 * The outcome of checking the audit chain: intact through {@code intactThroughId} (null when the log
 * is empty or the very first event is broken), and the first broken event with why, if any.
 */
public record ChainVerification(long eventsChecked, Long intactThroughId, Long brokenEventId, Problem problem,
                                long millis) {

    public enum Problem {
        /** The event's prev_hash is not the hash of the event before it: an event was removed, inserted or re-hashed. */
        PREV_HASH_MISMATCH,
        /** The event's content no longer hashes to its stored hash: it was altered. */
        HASH_MISMATCH,
        /** The event lies in an archived month whose file is not in the archive directory. */
        ARCHIVE_MISSING,
        /** The event lies in an archived month whose file no longer has the SHA-256 recorded when it was archived. */
        ARCHIVE_ALTERED
    }

    public boolean intact() {
        return brokenEventId == null;
    }

    /** One line for people, in English: the command's output, the logs. */
    public String summary() {
        return summary(Translations.ENGLISH);
    }

    /** One line for people in {@code locale}'s words: the portal's banner. */
    public String summary(Locale locale) {
        Translations words = Translations.bundled();
        if (intact()) {
            return eventsChecked == 0 ? words.get(locale, "audit.chain.empty")
                    : words.get(locale, "audit.chain.intact", String.valueOf(intactThroughId), eventsChecked, millis);
        }
        String why = words.get(locale, switch (problem) {
            case HASH_MISMATCH -> "audit.chain.altered";
            case PREV_HASH_MISMATCH -> "audit.chain.relinked";
            case ARCHIVE_MISSING -> "audit.chain.archive-missing";
            case ARCHIVE_ALTERED -> "audit.chain.archive-altered";
        });
        return words.get(locale, "audit.chain.broken", String.valueOf(brokenEventId), why, intactThroughId == null
                ? words.get(locale, "audit.chain.no-event") : words.get(locale, "audit.chain.event", String.valueOf(intactThroughId)));
    }
}
