package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/**
 * An admin's suspension: the scope (all capabilities, or some), the reason, the expected
 * restoration (optional), the vendor version the admin saw, and the slug typed to confirm.
 */
public record SuspendCommand(long vendorId, long expectedVersion, boolean allCapabilities,
                             Set<Capability> capabilities, SuspensionReason reason, String reasonText,
                             Instant expectedRestoration, String typedSlug) {
}
