package io.bridgekeeper.link;

import java.time.Instant;

/**
 * A household's link to a vendor account, as the household sees it, with the vendor's integration
 * status: when it is suspended, the reason and the expected restoration (null when not suspended).
 */
public record LinkedAccount(long linkId, long vendorId, String vendorSlug, String vendorName,
                            String externalAccountId, String status, int epoch, Instant linkedAt,
                            String vendorStatus, String suspensionReason, Instant expectedRestoration) {

    public boolean isSuspended() {
        return "SUSPENDED".equals(vendorStatus);
    }
}
