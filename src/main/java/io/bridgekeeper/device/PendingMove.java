package io.bridgekeeper.device;

import java.time.OffsetDateTime;

/**
 * A move of a device between households that a vendor's sync asked for, as a household sees it:
 * {@code incoming} when the vendor lists the device under this household's account (it may confirm),
 * otherwise the household owns the device now and is told it is held. The other household is never named.
 */
public record PendingMove(long id, long deviceId, String deviceName, DeviceKind kind, String vendorName,
                          String externalAccountId, OffsetDateTime requestedAt, boolean incoming) {
}
