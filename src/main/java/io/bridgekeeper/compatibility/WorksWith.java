package io.bridgekeeper.compatibility;

import io.bridgekeeper.vendor.Capability;
import java.util.Set;

/** For a household's device: what its model does on one surface, and whether that holds now. */
public record WorksWith(String surfaceCode, String surfaceName, Set<Capability> capabilities,
                        CertificationStatus status, String revokedReason) {
}
