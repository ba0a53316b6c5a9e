package io.bridgekeeper.audit;

import java.time.Instant;
import java.util.List;

/**
 * Who was exposed to whom in an incident: for each pair of households, whose devices were shown (or
 * about to be shown) on whose displays, when first and last, and how often; with the number of
 * distinct real households on either side. Canary households (synthetic, issue 15) are counted apart:
 * the figures of real households never include them; the pairs list them by name.
 */
public record ExposureReport(long incidentId, long violations, long exposedHouseholds, long viewingHouseholds,
                             long householdsAffected, long canaryHouseholds, Instant firstAt, Instant lastAt,
                             List<Row> rows) {

    /** One exposed household → viewing household pair. */
    public record Row(Long exposedAccountId, String exposedHousehold, String exposedEmail, String exposedDevices,
                      Long viewerAccountId, String viewerHousehold, String viewerEmail, String viewerDevices,
                      Instant firstAt, Instant lastAt, long times, String reasons) {
    }

    public boolean isEmpty() {
        return violations == 0;
    }
}
