package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/**
 * A vendor integration was suspended (committed). {@code capabilities} is the scope: every
 * capability of the vendor when the suspension covers all of them.
 */
public record VendorSuspended(long vendorId, String vendorSlug, long suspensionId, boolean allCapabilities,
                              Set<Capability> capabilities, String reasonCode, String reasonText,
                              Instant expectedRestoration, Instant suspendedAt) {
}
