package io.bridgekeeper.vendor;

import java.time.Duration;

/**
 * What a vendor's isolation violations set off, by grade of evidence (docs/decision-evidence.md).
 * Proven evidence halts and rolls back at once and suspends when {@code provenSuspends}; claimed
 * evidence opens an incident and, once {@code claimedThreshold} claims arrive within
 * {@code claimedWindow}, halts and rolls back too, and suspends only when {@code claimedMaySuspend}
 * (and {@code provenSuspends}: claimed evidence never does more than proven evidence would).
 */
public record ViolationPolicy(boolean provenSuspends, int claimedThreshold, Duration claimedWindow,
                              boolean claimedMaySuspend) {

    public static final int MAX_THRESHOLD = 1000;
    public static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    /** Whether enough claims to act on have arrived. */
    public boolean thresholdReached(long claimsInWindow) {
        return claimsInWindow >= claimedThreshold;
    }

    /** Whether claims that reached the threshold suspend the vendor. */
    public boolean claimsSuspend() {
        return provenSuspends && claimedMaySuspend;
    }
}
