package io.bridgekeeper.link;

import io.bridgekeeper.webhook.DeliveryState;
import java.time.Instant;
import java.util.List;

/**
 * The proof of an unlink, step by step: the link ended (or the device was detached) and the epoch
 * moved, the household's access was revoked, and the vendor was notified ({@code delivery}: pending,
 * retrying with its attempts and last error, acknowledged or failed).
 */
public record UnlinkReceipt(long id, String vendorName, String externalAccountId, Long deviceId, List<String> deviceNames,
                            int newEpoch, Instant endedAt, Instant accessRevokedAt, DeliveryState delivery) {

    public boolean isDeviceOnly() {
        return deviceId != null;
    }
}
