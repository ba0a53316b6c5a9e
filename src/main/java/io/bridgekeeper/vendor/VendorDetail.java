package io.bridgekeeper.vendor;

import java.util.List;
import java.util.Set;

/** A vendor's page. {@code version} goes back with every change, so a concurrent edit is detected. */
public record VendorDetail(long id, String slug, String name, VendorStatus status, Set<Capability> capabilities,
                           String webhookUrl, long version, long households, long liveLinks, long devices,
                           List<PartnerManagerRef> partnerManagers) {

    public record PartnerManagerRef(long accountId, String email, String name) {
    }
}
