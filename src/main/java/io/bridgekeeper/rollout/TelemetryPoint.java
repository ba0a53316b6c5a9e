package io.bridgekeeper.rollout;

import java.time.Instant;

/** One minute of a cache version's telemetry, both sources together. */
public record TelemetryPoint(Instant minute, long deliveries, long errors, long isolationViolations) {
}
