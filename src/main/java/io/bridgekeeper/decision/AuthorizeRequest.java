package io.bridgekeeper.decision;

import io.bridgekeeper.vendor.Capability;

/**
 * Authorize: may the vendor's source device be shown on the target device, for the requesting
 * account, with the cache key the data plane holds? The target is a platform device (no
 * {@code targetVendor}) or a device of a vendor (its slug).
 */
public record AuthorizeRequest(String vendor, String sourceDeviceId, String targetVendor, String targetDeviceId,
                               long requesterAccountId, Capability capability, String cacheKey) {
}
