package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/** A suspension as its vendor's page shows it (current one and history). */
public record SuspensionSummary(long id, SuspensionStatus status, boolean allCapabilities, Set<Capability> scope,
                                SuspensionReason reason, String reasonText, Instant expectedRestoration,
                                Instant suspendedAt, String suspendedBy, Instant resumeRequestedAt,
                                String resumeRequestedBy, Long resumeRequestedById, String resumeRequestReason,
                                Instant liftedAt, String liftedBy, String liftReason) {

    public boolean isOpen() {
        return status != SuspensionStatus.LIFTED;
    }

    public boolean awaitsApproval() {
        return status == SuspensionStatus.RESUME_REQUESTED;
    }
}
