package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/** What a household is told of a suspended vendor: in plain words, with the expected restoration if known. */
public record SuspensionNotice(long vendorId, String vendorName, Set<Capability> scope, String plainWords,
                               Instant expectedRestoration) {

    public String message() {
        return "Suspended by the platform " + plainWords + ".";
    }
}
