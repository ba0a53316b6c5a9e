package io.bridgekeeper.link;

import java.time.Instant;

/** A household's link to a vendor account, as the household sees it. */
public record LinkedAccount(long linkId, long vendorId, String vendorSlug, String vendorName,
                            String externalAccountId, String status, int epoch, Instant linkedAt) {
}
