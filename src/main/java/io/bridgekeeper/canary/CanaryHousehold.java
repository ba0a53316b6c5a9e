package io.bridgekeeper.canary;

import java.time.Instant;

/**
 * One canary household of a vendor and its health: the data plane's prober shows its camera on its
 * display all day and reports each probe as an observation. {@code silent}: no probe within the
 * vendor's canary silence limit.
 */
public record CanaryHousehold(long accountId, String name, String cameraId, String displayId, Instant enrolledAt,
                              Instant lastProbeAt, long probes24h, long failures24h, boolean silent) {
}
