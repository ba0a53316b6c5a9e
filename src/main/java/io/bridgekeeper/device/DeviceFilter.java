package io.bridgekeeper.device;

/** Filters of the devices grid; null means any. {@code owner} is a household's e-mail (exact, any case). */
public record DeviceFilter(Long vendorId, DeviceKind kind, String owner, DeviceState state) {

    public static DeviceFilter none() {
        return new DeviceFilter(null, null, null, null);
    }
}
