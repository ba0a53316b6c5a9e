package io.bridgekeeper.audit;

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
        HASH_MISMATCH
    }

    public boolean intact() {
        return brokenEventId == null;
    }

    /** One line for people: the portal's banner and the command's output. */
    public String summary() {
        if (intact()) {
            return eventsChecked == 0 ? "The audit log is empty."
                    : String.format("Audit chain intact through event %d (%,d events checked in %,d ms).",
                            intactThroughId, eventsChecked, millis);
        }
        String why = problem == Problem.HASH_MISMATCH
                ? "its content does not match its hash (the event was altered)"
                : "its prev_hash is not the hash of the event before it (an event was removed, inserted or re-hashed)";
        return String.format("Audit chain BROKEN at event %d: %s. Intact through %s.", brokenEventId, why,
                intactThroughId == null ? "no event" : "event " + intactThroughId);
    }
}
