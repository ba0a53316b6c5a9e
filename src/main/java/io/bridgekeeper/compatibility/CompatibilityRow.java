package io.bridgekeeper.compatibility;

import io.bridgekeeper.vendor.Capability;
import java.util.List;

/**
 * One line of the compatibility table: a model's capability on a surface since a cache version, and where the
 * model stands on that surface ({@code certifiedVersions} newest first; {@code revokedReason} while revoked).
 */
public record CompatibilityRow(long entryId, long vendorId, String vendorSlug, String vendorName, long modelId,
                               String modelCode, String modelName, String surfaceCode, String surfaceName,
                               Capability capability, String sinceVersion, CertificationStatus status,
                               List<String> certifiedVersions, String revokedReason) {
}
