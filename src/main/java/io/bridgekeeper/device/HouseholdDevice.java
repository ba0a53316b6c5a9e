package io.bridgekeeper.device;

/** A device as its household sees it; {@code vendorId} is null for the platform's own displays. */
public record HouseholdDevice(long id, Long vendorId, String vendorName, DeviceKind kind, String name, DeviceState state,
                              String surfaceCode) {

    public boolean isPlatformDevice() {
        return vendorId == null;
    }
}
