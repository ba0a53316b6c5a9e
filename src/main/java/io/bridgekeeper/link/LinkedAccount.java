package io.bridgekeeper.link;

import java.time.Instant;

/**
 * A household's link to a vendor account, as the household sees it. Whether the vendor is suspended
 * comes from the kill switch ({@code SuspensionService.noticesFor}), in plain words.
 */
public record LinkedAccount(long linkId, long vendorId, String vendorSlug, String vendorName,
                            String externalAccountId, LinkStatus status, int epoch, Instant linkedAt) {
}
