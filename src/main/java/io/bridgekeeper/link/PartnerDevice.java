package io.bridgekeeper.link;

import java.time.OffsetDateTime;

/**
 * One device as its vendor reads it through the partner API. {@code ownership}: CONFIRMED (a household
 * owns it through {@code externalAccountId}), PENDING_CONFIRMATION (the vendor listed it under another
 * household's account {@code pendingExternalAccountId}; it is held until that household confirms or an
 * admin resolves it) or NONE. Never a household's identity beyond the vendor's own account ids.
 */
public record PartnerDevice(String id, String kind, String name, String state, String externalAccountId,
                            String ownership, String pendingExternalAccountId, OffsetDateTime pendingSince) {
}
