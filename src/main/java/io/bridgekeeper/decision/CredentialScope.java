package io.bridgekeeper.decision;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a service credential may do: which calls, for which vendors (empty: every vendor), and how many
 * requests per second on each node before it is answered 429.
 */
public record CredentialScope(Set<DecisionCall> calls, Set<Long> vendorIds, int ratePerSecond) {

    public static final int MAX_RATE = 100_000;
    /** What a credential gets unless an admin says otherwise (above the decision benchmark's peak). */
    public static final int DEFAULT_RATE = 10_000;

    public CredentialScope {
        calls = calls == null || calls.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(calls));
        vendorIds = vendorIds == null ? Set.of() : Set.copyOf(vendorIds);
    }

    /** Every call, every vendor, the default rate. */
    public static CredentialScope unrestricted() {
        return new CredentialScope(EnumSet.allOf(DecisionCall.class), Set.of(), DEFAULT_RATE);
    }

    public boolean allVendors() {
        return vendorIds.isEmpty();
    }

    public boolean allows(DecisionCall call) {
        return calls.contains(call);
    }

    public boolean coversVendor(long vendorId) {
        return vendorIds.isEmpty() || vendorIds.contains(vendorId);
    }
}
