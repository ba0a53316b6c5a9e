package io.bridgekeeper.rollout;

import java.time.Instant;

/**
 * A vendor's counts for one cache version (by label) and one minute. Reporting the same minute
 * again replaces the counts, so a retried report never counts twice.
 */
public record TelemetryReport(String cacheVersion, Instant minute, Long deliveries, Long errors,
                              Long isolationViolations) {
}
