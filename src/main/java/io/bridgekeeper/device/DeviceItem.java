package io.bridgekeeper.device;

/**
 * One device as a vendor reports it in a sync: its own id, its kind, the name the household gave it, and
 * (optionally) its model: the code of a model the vendor registered (compatibility), or null.
 */
public record DeviceItem(String id, String kind, String name, String model) {

    public DeviceItem(String id, String kind, String name) {
        this(id, kind, name, null);
    }
}
