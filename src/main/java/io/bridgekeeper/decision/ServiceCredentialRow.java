package io.bridgekeeper.decision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A service credential as admins see it: never the secret, which is shown once at creation. With its
 * scope (calls, vendors by slug, empty for all; rate per second per node) and the owner mismatches its
 * requests produced in the last 24 hours.
 */
public record ServiceCredentialRow(long id, String name, String keyPrefix, Instant createdAt, String createdBy,
                                   Instant revokedAt, String revokedBy, Instant lastUsedAt, Set<DecisionCall> calls,
                                   List<Long> vendorIds, List<String> vendorSlugs, int ratePerSecond,
                                   long mismatchesLastDay) {

    /** Mismatches in 24 hours from which a credential is flagged: its caller is buggy or hostile. */
    public static final int FLAG_MISMATCHES = 3;

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean flagged() {
        return mismatchesLastDay >= FLAG_MISMATCHES;
    }

    public CredentialScope scope() {
        return new CredentialScope(calls, Set.copyOf(vendorIds), ratePerSecond);
    }
}
