package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/** What the kill switch knows of a vendor's open suspension. */
public record ActiveSuspension(long suspensionId, long vendorId, Set<Capability> scope, SuspensionReason reason,
                               Instant expectedRestoration, Instant suspendedAt, boolean allCapabilities) {

    public boolean covers(Capability capability) {
        return scope.contains(capability);
    }
}
