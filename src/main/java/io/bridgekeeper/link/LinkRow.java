package io.bridgekeeper.link;

import java.time.Instant;

/** A link in the staff search. */
public record LinkRow(long id, long vendorId, String vendorSlug, String vendorName, String accountEmail, String externalAccountId,
                      LinkStatus status, int epoch, Instant linkedAt, Instant unlinkedAt) {
}
