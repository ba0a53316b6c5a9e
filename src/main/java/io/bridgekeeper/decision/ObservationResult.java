package io.bridgekeeper.decision;

import java.util.List;

/** The answer to a batch of observations: one result per item, in order, and how many were violations. */
public record ObservationResult(List<Item> results, int violations) {

    /** OK: the content belongs to the display's household. VIOLATION: it does not; the incident it went on. */
    public record Item(String outcome, Long incidentId) {
    }
}
