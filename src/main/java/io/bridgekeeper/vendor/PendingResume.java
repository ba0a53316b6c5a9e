package io.bridgekeeper.vendor;

import java.time.Instant;

/** A resume that a second admin must approve: which vendor, why it was suspended, who asked and why. */
public record PendingResume(long vendorId, String vendorSlug, String vendorName, SuspensionReason suspensionReason,
                            String requestedBy, Instant requestedAt, String reason) {
}
