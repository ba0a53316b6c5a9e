package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/** A line of the admin's vendor grid. */
public record VendorRow(long id, String slug, String name, VendorStatus status, Set<Capability> capabilities,
                        Instant createdAt) {
}
