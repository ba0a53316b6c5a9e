package io.bridgekeeper.compatibility;

import io.bridgekeeper.vendor.Capability;
import java.time.Instant;
import java.util.Set;

/** A vendor's device model: its own code (what its device sync names), kind and capabilities. */
public record DeviceModel(long id, long vendorId, String vendorName, String code, String name, String kind,
                          Set<Capability> capabilities, Instant registeredAt) {
}
