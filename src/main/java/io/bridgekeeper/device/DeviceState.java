package io.bridgekeeper.device;

/**
 * Where a device stands, stored under the same names in {@code device.state}: in use, disabled by its
 * household or an admin, on hold while a move to another home waits for consent, or no longer reported
 * by its vendor.
 */
public enum DeviceState {
    ACTIVE, DISABLED, CONFLICT, REMOVED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
