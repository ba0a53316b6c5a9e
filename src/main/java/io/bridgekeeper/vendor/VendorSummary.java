package io.bridgekeeper.vendor;

import java.util.Set;

/** A vendor as its lists show it, with how much of the platform it reaches. */
public record VendorSummary(long id, String slug, String name, VendorStatus status, Set<Capability> capabilities,
                            String webhookUrl, long liveLinks, long devices) {
}
