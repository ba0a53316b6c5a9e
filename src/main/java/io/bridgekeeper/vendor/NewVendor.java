package io.bridgekeeper.vendor;

import java.util.Set;

/** What an admin enters to onboard a vendor. */
public record NewVendor(String slug, String name, Set<Capability> capabilities, String webhookUrl) {
}
