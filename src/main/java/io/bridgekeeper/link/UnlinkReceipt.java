package io.bridgekeeper.link;

import io.bridgekeeper.webhook.DeliveryState;
import java.time.Instant;
import java.util.List;

/**
 * The proof of an unlink, step by step: the link ended (or the device was detached) and the epoch
 * moved, the household's access was revoked, and the vendor was notified ({@code delivery}: pending,
 * retrying with its attempts and last error, acknowledged or failed). {@code revocation}: for an account
 * linked by OAuth, revoking its tokens at the vendor (RFC 7009), with the vendor's answer; null otherwise.
 */
public record UnlinkReceipt(long id, String vendorName, String externalAccountId, Long deviceId, List<String> deviceNames,
                            int newEpoch, Instant endedAt, Instant accessRevokedAt, DeliveryState delivery,
                            TokenRevocationState revocation) {

    public boolean isDeviceOnly() {
        return deviceId != null;
    }
}
