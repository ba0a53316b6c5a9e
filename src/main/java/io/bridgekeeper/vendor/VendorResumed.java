package io.bridgekeeper.vendor;

import java.time.Instant;

/** A vendor's suspension was lifted (committed). */
public record VendorResumed(long vendorId, String vendorSlug, long suspensionId, Instant resumedAt) {
}
