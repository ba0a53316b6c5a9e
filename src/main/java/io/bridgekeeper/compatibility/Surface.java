package io.bridgekeeper.compatibility;

import io.bridgekeeper.vendor.Capability;
import java.util.Set;

/** A place on the platform where a vendor's device can appear, and the capabilities it may use there. */
public record Surface(String code, String name, Set<Capability> capabilities) {
}
