package io.bridgekeeper.device;

/** A vendor in a filter of the devices grid. */
public record VendorOption(long id, String name) {
}
