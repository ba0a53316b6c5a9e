package io.bridgekeeper.audit;

import io.bridgekeeper.security.Roles;
import io.bridgekeeper.base.AuditActor;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Incidents opened by isolation violations, guards, or by hand. */
@Service
@Transactional(readOnly = true)
public class IncidentService {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    IncidentService(JdbcTemplate jdbc, AuditLog audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Opens an incident for an automatic action (a rollout guard, the decision path), in the
     * caller's transaction, audited as the system acting on {@code rule}.
     */
    @PermitAll
    @Transactional(propagation = Propagation.MANDATORY)
    public long openBySystem(NewIncident incident, String rule) {
        Long id = jdbc.queryForObject("""
                insert into incident (kind, severity, state, title, vendor_id, rollout_id, evidence, opened_at)
                values (?, ?, 'OPEN', ?, ?, ?, ?::jsonb, ?) returning id
                """, Long.class, incident.kind(), incident.severity(), incident.title(), incident.vendorId(),
                incident.rolloutId(), incident.evidence() == null ? null : json.writeValueAsString(incident.evidence()),
                Timestamp.from(clock.instant()));
        audit.record(AuditActor.system(rule), "INCIDENT_OPENED", "incident", id, incident.vendorId(), null,
                java.util.Map.of("kind", incident.kind(), "severity", incident.severity(), "title", incident.title()));
        return id;
    }

    /** Incidents not yet resolved. */
    @RolesAllowed(Roles.ADMIN)
    public long countOpen() {
        Long n = jdbc.queryForObject("select count(*) from incident where state <> 'RESOLVED'", Long.class);
        return n == null ? 0 : n;
    }
}
