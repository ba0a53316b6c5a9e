package io.bridgekeeper.device;

/** One device as a vendor reports it in a sync: its own id, its kind and the name the household gave it. */
public record DeviceItem(String id, String kind, String name) {
}
