package io.bridgekeeper.device;

/**
 * A device as its household sees it; {@code vendorId} is null for the platform's own displays.
 * {@code linkNeedsRelink}: it came through a vendor account whose tokens the vendor refused to renew, so
 * it is shown nowhere until the household links that account again.
 */
public record HouseholdDevice(long id, Long vendorId, String vendorName, DeviceKind kind, String name, DeviceState state,
                              String surfaceCode, boolean linkNeedsRelink) {

    public boolean isPlatformDevice() {
        return vendorId == null;
    }
}
