package io.bridgekeeper.link;

import java.time.Instant;

/**
 * Revoking an unlinked account's tokens at the vendor (RFC 7009), as its receipt shows it: pending,
 * retrying, revoked (the vendor confirmed), failed (given up, for an admin) or not offered (the vendor
 * has no revocation endpoint; the tokens were deleted here). {@code answer} is what the vendor answered,
 * as a status class ("HTTP 2xx", "timeout"...).
 */
public record TokenRevocationState(long id, Status status, int attempts, String answer, Instant nextAttemptAt,
                                   Instant finishedAt) {

    public enum Status {
        PENDING, RETRYING, REVOKED, FAILED, NOT_OFFERED;

        public boolean isOpen() {
            return this == PENDING || this == RETRYING;
        }
    }
}
