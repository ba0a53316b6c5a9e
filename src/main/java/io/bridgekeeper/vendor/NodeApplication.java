package io.bridgekeeper.vendor;

import java.time.Instant;

/** When one live node applied a suspension change (null: not yet). */
public record NodeApplication(String nodeId, Instant appliedAt) {
}
