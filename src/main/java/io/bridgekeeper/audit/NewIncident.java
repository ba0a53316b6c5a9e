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

    /** For automatic rules that name the kind and severity as text (e.g. "ISOLATION_VIOLATION", "SEV1"). */
    public NewIncident(String kind, String severity, String title, Long vendorId, Long rolloutId, Object evidence) {
        this(IncidentKind.valueOf(kind), Severity.valueOf(severity), title, vendorId, rolloutId, evidence, null);
    }
}
