package io.bridgekeeper.link;

import java.time.Instant;

/**
 * A household's link to a vendor account, as the household sees it. {@code oauth}: linked by OAuth (the
 * platform holds tokens); {@code needsRelink}: the vendor refused to renew them, so the household must
 * link the account again. Whether the vendor is suspended
 * comes from the kill switch ({@code SuspensionService.noticesFor}), in plain words.
 */
public record LinkedAccount(long linkId, long vendorId, String vendorSlug, String vendorName,
                            String externalAccountId, LinkStatus status, int epoch, Instant linkedAt,
                            boolean oauth, boolean needsRelink) {
}
