package io.bridgekeeper.link;

import java.time.Instant;
import java.util.List;

/** One of a household's unlink receipts as My home lists it: what was unlinked, from which vendor, when. */
public record ReceiptSummary(long id, String vendorName, String externalAccountId, boolean deviceOnly,
                             List<String> deviceNames, Instant endedAt) {
}
