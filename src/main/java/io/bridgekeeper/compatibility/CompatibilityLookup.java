package io.bridgekeeper.compatibility;

import io.bridgekeeper.vendor.Capability;
import java.util.Set;

/**
 * The lookup's answer for one vendor model on one surface: {@code known} false when the vendor, model or surface
 * does not exist (then nothing else is set); otherwise the status, the capabilities declared for the surface, and
 * the cache versions it is certified for.
 */
public record CompatibilityLookup(String vendor, String model, String surface, boolean known,
                                  CertificationStatus status, Set<Capability> capabilities,
                                  java.util.List<String> certifiedVersions, boolean suspended) {
}
