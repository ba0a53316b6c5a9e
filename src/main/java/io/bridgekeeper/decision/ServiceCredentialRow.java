package io.bridgekeeper.decision;

import java.time.Instant;

/** A service credential as admins see it: never the secret, which is shown once at creation. */
public record ServiceCredentialRow(long id, String name, String keyPrefix, Instant createdAt, String createdBy,
                                   Instant revokedAt, String revokedBy, Instant lastUsedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
