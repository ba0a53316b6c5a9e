package io.bridgekeeper.decision;

import io.bridgekeeper.vendor.Capability;
import java.time.Instant;

/**
 * What a display actually received, as the data plane (or the vendor) observed it: content that, by its
 * own metadata, came from {@code contentDeviceId} of {@code vendor}, with the cache key the vendor
 * attached to it, shown on {@code displayDeviceId} (a platform display when {@code displayVendor} is
 * null). {@code probe}: sent by a canary prober. The partner API fills {@code vendor} from its key.
 */
public record Observation(String vendor, String contentDeviceId, String displayVendor, String displayDeviceId,
                          Capability capability, String cacheKey, Instant observedAt, boolean probe) {
}
