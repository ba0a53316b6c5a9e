package io.bridgekeeper.audit;

import java.util.Map;

/**
 * An incident to open. {@code vendorId} and {@code rolloutId} are optional; {@code evidence} is any
 * JSON-serialisable value (a map of what the guard saw), stored as jsonb.
 */
public record NewIncident(IncidentKind kind, Severity severity, String title, Long vendorId, Long rolloutId,
                          Object evidence, String note) {

    public NewIncident {
        if (kind == null || severity == null) {
            throw new IllegalArgumentException("kind and severity are required");
        }
        evidence = evidence == null ? Map.of() : evidence;
    }
}
