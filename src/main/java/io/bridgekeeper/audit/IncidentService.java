package io.bridgekeeper.audit;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents: opened by isolation violations and guards (other modules call {@link #reportViolation},
 * {@link #open} and {@link #recordViolation}) or by an admin by hand; acknowledged and resolved by
 * admins, with notes on a timeline. Every change is audited in its own transaction.
 *
 * <p>The methods for other modules are {@code @PermitAll}: guards and the decision path run without a
 * signed-in person (a scheduled job, a service credential), no view or endpoint reaches them, and
 * the audit event names the actor they pass, e.g. {@code AuditActor.system("rollout guard")}.
 */
@Service
@Transactional
public class IncidentService {

    private static final int NOTE_MAX = 4000;

    private final IncidentStore store;
    private final AuditLog audit;
    private final AuditScope scope;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;

    IncidentService(IncidentStore store, AuditLog audit, AuditScope scope, CurrentUser currentUser, JsonMapper json,
                    Clock clock) {
        this.store = store;
        this.scope = scope;
        this.audit = audit;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The incidents of one rollout, for its page, as far as the caller may see them: admins all, a
     * partner manager those of the vendors they manage.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<IncidentSummary> ofRollout(long rolloutId) {
        return store.ofRollout(rolloutId, scope.current());
    }

    /**
     * The vendor's unresolved isolation incident of this severity (of the rollout, when one is given),
     * for the guards that decide whether to open another. Automatic rules call it without a person.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Long> openIsolationIncident(long vendorId, Severity severity, Long rolloutId) {
        return store.openIsolationIncident(vendorId, severity, rolloutId);
    }

    /** Claimed isolation violations of the vendor after {@code since}, for the claimed-evidence threshold. */
    @PermitAll
    @Transactional(readOnly = true)
    public long claimedViolationsSince(long vendorId, Instant since) {
        return store.claimedViolationsSince(vendorId, since);
    }

    /** Incidents not yet resolved. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public long countOpen() {
        return store.countOpen();
    }

    /** Opens an incident on behalf of a guard or another automatic rule. Returns its id. */
    @PermitAll
    public long open(AuditActor actor, NewIncident incident) {
        return insert(actor, incident, null);
    }

    /** Opens an incident for an automatic action, audited as the system acting on {@code rule}. */
    @PermitAll
    public long openBySystem(NewIncident incident, String rule) {
        return open(AuditActor.system(rule), incident);
    }

    /** An admin opens an incident by hand. */
    @RolesAllowed(Roles.ADMIN)
    public long openByHand(NewIncident incident) {
        if (incident.title() == null || incident.title().isBlank()) {
            throw DomainException.invalid("incident-title-required", new Refusal("refusal.audit.incident-title-required"));
        }
        return insert(currentUser.require(), incident, currentUser.id());
    }

    /**
     * An isolation violation: recorded against the open isolation incident of the vendor (and
     * rollout), or against a new SEV1 incident when there is none. Returns the incident's id.
     */
    @PermitAll
    public long reportViolation(AuditActor actor, IsolationViolation violation) {
        // one open incident per vendor and rollout, even when violations arrive on several nodes at once
        store.lockViolations(violation.vendorId());
        Long incidentId = store.openIsolationIncidentOf(violation.vendorId(), violation.rolloutId()).orElse(null);
        if (incidentId == null) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("firstViolation", violationDocument(violation));
            incidentId = insert(actor, new NewIncident(IncidentKind.ISOLATION_VIOLATION, Severity.SEV1,
                    "Isolation violation: a device was about to be shown to another household",
                    violation.vendorId(), violation.rolloutId(), evidence,
                    "Opened by the first isolation violation (" + violation.reason() + ")."), null);
        }
        recordViolation(actor, incidentId, violation);
        return incidentId;
    }

    /** Records an isolation violation against an existing incident. Returns the violation's id. */
    @PermitAll
    public long recordViolation(AuditActor actor, long incidentId, IsolationViolation v) {
        Instant at = v.occurredAt() == null ? clock.instant() : v.occurredAt();
        long id = store.insertViolation(at, v, incidentId,
                v.evidence() == null ? null : json.writeValueAsString(v.evidence()));
        Map<String, Object> after = violationDocument(v);
        after.put("incidentId", incidentId);
        audit.record(actor, IncidentAuditAction.ISOLATION_VIOLATION_RECORDED, "isolation_violation", id, v.vendorId(), null, after);
        return id;
    }

    @RolesAllowed(Roles.ADMIN)
    public void acknowledge(long incidentId, String note) {
        transition(incidentId, IncidentState.OPEN, IncidentState.ACKNOWLEDGED, note,
                IncidentAuditAction.INCIDENT_ACKNOWLEDGED);
    }

    /** Resolves an open or acknowledged incident; the note says what was done. */
    @RolesAllowed(Roles.ADMIN)
    public void resolve(long incidentId, String note) {
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("resolution-note-required", new Refusal("refusal.audit.resolution-note-required"));
        }
        IncidentState from = state(incidentId);
        if (from == IncidentState.RESOLVED) {
            throw DomainException.conflict("incident-resolved", new Refusal("refusal.audit.incident-resolved", String.valueOf(incidentId)));
        }
        transition(incidentId, from, IncidentState.RESOLVED, note, IncidentAuditAction.INCIDENT_RESOLVED);
    }

    @RolesAllowed(Roles.ADMIN)
    public void addNote(long incidentId, String note) {
        String text = checkedNote(note, true);
        Long vendorId = vendorOf(incidentId);
        long noteId = note(incidentId, "NOTE", currentUser.id(), text);
        audit.record(IncidentAuditAction.INCIDENT_NOTE_ADDED, "incident", incidentId, vendorId, null,
                Map.of("noteId", noteId, "note", text));
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public Slice<IncidentSummary> list(IncidentState state, Pageable pageable) {
        return Slices.of(new ArrayList<>(store.list(state, pageable)), pageable);
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public IncidentDetail detail(long incidentId) {
        return store.detail(incidentId).orElseThrow(() -> notFound(incidentId));
    }

    private long insert(AuditActor actor, NewIncident incident, Long openedBy) {
        Instant now = clock.instant();
        String title = incident.title() == null || incident.title().isBlank()
                ? incident.kind().label() : incident.title().trim();
        if (title.length() > 300) {
            throw DomainException.invalid("incident-title-too-long", new Refusal("refusal.audit.incident-title-too-long"));
        }
        long id = store.insert(incident.kind(), incident.severity(), title, incident.vendorId(), incident.rolloutId(),
                json.writeValueAsString(incident.evidence()), now, openedBy);
        String note = incident.note() == null || incident.note().isBlank()
                ? "Opened by " + actor.auditActorName() + "." : checkedNote(incident.note(), true);
        note(id, "OPENED", openedBy, note);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", incident.kind().name());
        after.put("severity", incident.severity().name());
        after.put("state", IncidentState.OPEN.name());
        after.put("title", title);
        after.put("rolloutId", incident.rolloutId());
        audit.record(actor, IncidentAuditAction.INCIDENT_OPENED, "incident", id, incident.vendorId(), null, after);
        return id;
    }

    private void transition(long incidentId, IncidentState from, IncidentState to, String note,
                            IncidentAuditAction action) {
        String text = checkedNote(note, false);
        if (!store.transition(incidentId, from, to, clock.instant(), currentUser.id())) {
            IncidentState now = state(incidentId);
            throw DomainException.conflict("incident-state", new Refusal("refusal.audit.incident-state",
                    String.valueOf(incidentId), new Refusal("refusal.audit.incident-is." + now.name()),
                    new Refusal("refusal.audit.incident-becomes." + to.name())));
        }
        note(incidentId, to.name(), currentUser.id(), text.isEmpty() ? to.label() + "." : text);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", to.name());
        if (!text.isEmpty()) {
            after.put("note", text);
        }
        audit.record(action, "incident", incidentId, vendorOf(incidentId), Map.of("state", from.name()), after);
    }

    private IncidentState state(long incidentId) {
        return store.ref(incidentId).orElseThrow(() -> notFound(incidentId)).state();
    }

    private Long vendorOf(long incidentId) {
        return store.ref(incidentId).orElseThrow(() -> notFound(incidentId)).vendorId();
    }

    private static DomainException notFound(long incidentId) {
        return DomainException.notFound("incident-not-found", new Refusal("refusal.audit.incident-not-found", String.valueOf(incidentId)));
    }

    private long note(long incidentId, String kind, Long authorId, String text) {
        return store.insertNote(incidentId, clock.instant(), kind, authorId, text);
    }

    private static String checkedNote(String note, boolean required) {
        String text = note == null ? "" : note.trim();
        if (required && text.isEmpty()) {
            throw DomainException.invalid("note-required", new Refusal("refusal.audit.note-required"));
        }
        if (text.length() > NOTE_MAX) {
            throw DomainException.invalid("note-too-long", new Refusal("refusal.audit.note-too-long", String.valueOf(NOTE_MAX)));
        }
        TextRules.requireCleanText("note", text);
        return text;
    }

    private static Map<String, Object> violationDocument(IsolationViolation v) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sourceDeviceId", v.sourceDeviceId());
        doc.put("targetDeviceId", v.targetDeviceId());
        doc.put("requesterAccountId", v.requesterAccountId());
        doc.put("reason", v.reason());
        doc.put("cacheVersionId", v.cacheVersionId());
        doc.put("rolloutId", v.rolloutId());
        doc.put("evidenceGrade", v.grade().name());
        doc.put("evidenceKind", v.kind().name());
        return doc;
    }
}
