package io.bridgekeeper.audit;

/** An incident to open: kind (ISOLATION_VIOLATION, ERROR_RATE, NO_DATA, MANUAL), severity (SEV1..3), evidence as JSON-able. */
public record NewIncident(String kind, String severity, String title, Long vendorId, Long rolloutId, Object evidence) {
}
