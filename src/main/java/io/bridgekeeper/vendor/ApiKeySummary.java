package io.bridgekeeper.vendor;

import java.time.Instant;

/** An API key as lists show it: never its secret or hash. */
public record ApiKeySummary(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                            Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
