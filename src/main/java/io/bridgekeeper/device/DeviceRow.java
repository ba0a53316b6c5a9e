package io.bridgekeeper.device;

import java.time.Instant;

/** A device in the staff grids; {@code ownerEmail} is null when nobody owns it now. */
public record DeviceRow(long id, Long vendorId, String vendorName, String vendorDeviceId, DeviceKind kind, String name,
                        Long ownerAccountId, String ownerEmail, Long linkId, DeviceState state, Instant ownerSince) {
}
