package io.bridgekeeper.device;

/** A device as another module needs to name it: in a receipt, a webhook, an epoch event. */
public record DeviceRef(long id, Long vendorId, String vendorDeviceId, DeviceKind kind, String name, Long linkId) {
}
