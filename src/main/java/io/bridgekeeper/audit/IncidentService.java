package io.bridgekeeper.audit;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    /** An incident as lists show it, with its violations counted; the caller adds where, order and limit. */
    private static final String SUMMARY_SELECT = """
            select i.id, i.kind, i.severity, i.state, i.title, v.name as vendor_name, i.rollout_id, i.opened_at,
                   (select count(*) from isolation_violation iv where iv.incident_id = i.id) as violations
            from incident i left join vendor_directory v on v.id = i.vendor_id
            """;
    private static final RowMapper<IncidentSummary> SUMMARY = (rs, n) -> new IncidentSummary(rs.getLong("id"),
            IncidentKind.valueOf(rs.getString("kind")), Severity.valueOf(rs.getString("severity")),
            IncidentState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("vendor_name"),
            (Long) rs.getObject("rollout_id"), rs.getTimestamp("opened_at").toInstant(), rs.getLong("violations"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditLog audit;
    private final AuditScope scope;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;

    IncidentService(JdbcTemplate jdbc, AuditLog audit, AuditScope scope, CurrentUser currentUser, JsonMapper json,
                    Clock clock) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
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
        AuditScope.Scope who = scope.current();
        MapSqlParameterSource params = new MapSqlParameterSource("rollout", rolloutId);
        StringBuilder sql = new StringBuilder(SUMMARY_SELECT).append(" where i.rollout_id = :rollout");
        who.restrict("i.vendor_id", sql, params);
        return named.query(sql.append(" order by i.id").toString(), params, SUMMARY);
    }

    /**
     * The vendor's unresolved isolation incident of this severity (of the rollout, when one is given),
     * for the guards that decide whether to open another. Automatic rules call it without a person.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Long> openIsolationIncident(long vendorId, Severity severity, Long rolloutId) {
        return jdbc.queryForList("""
                select id from incident where vendor_id = ? and kind = 'ISOLATION_VIOLATION' and state <> 'RESOLVED'
                  and severity = ? and (cast(? as bigint) is null or rollout_id = ?) order by id desc limit 1
                """, Long.class, vendorId, severity.name(), rolloutId, rolloutId).stream().findFirst();
    }

    /** Claimed isolation violations of the vendor after {@code since}, for the claimed-evidence threshold. */
    @PermitAll
    @Transactional(readOnly = true)
    public long claimedViolationsSince(long vendorId, Instant since) {
        Long n = jdbc.queryForObject("""
                select count(*) from isolation_violation
                where vendor_id = ? and evidence_grade = 'CLAIMED' and occurred_at > ?
                """, Long.class, vendorId, Timestamp.from(since));
        return n == null ? 0 : n;
    }

    /** Incidents not yet resolved. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public long countOpen() {
        Long n = jdbc.queryForObject("select count(*) from incident where state <> 'RESOLVED'", Long.class);
        return n == null ? 0 : n;
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
            throw DomainException.invalid("incident-title-required", "Give the incident a title.");
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
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('incident-violation'), ?::int)",
                (int) violation.vendorId());
        Long incidentId = jdbc.query("""
                select id from incident
                where kind = 'ISOLATION_VIOLATION' and state <> 'RESOLVED' and vendor_id = ?
                  and rollout_id is not distinct from ?
                order by id limit 1
                """, rs -> rs.next() ? rs.getLong("id") : null, violation.vendorId(), violation.rolloutId());
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
        Long id = jdbc.queryForObject("""
                insert into isolation_violation (occurred_at, vendor_id, source_device_id, target_device_id,
                    requester_account_id, source_owner_account_id, target_owner_account_id, reason,
                    cache_version_id, rollout_id, incident_id, evidence, evidence_grade, evidence_kind)
                values (?, ?, ?, ?, ?, coalesce(?, (select owner_account_id from device_directory where id = ?)),
                        (select owner_account_id from device_directory where id = ?), ?, ?, ?, ?, ?::jsonb, ?, ?)
                returning id
                """, Long.class, Timestamp.from(at), v.vendorId(), v.sourceDeviceId(), v.targetDeviceId(),
                v.requesterAccountId(), v.sourceOwnerAccountId(), v.sourceDeviceId(), v.targetDeviceId(), v.reason(),
                v.cacheVersionId(), v.rolloutId(), incidentId,
                v.evidence() == null ? null : json.writeValueAsString(v.evidence()), v.grade().name(), v.kind().name());
        Map<String, Object> after = violationDocument(v);
        after.put("incidentId", incidentId);
        audit.record(actor, IncidentAuditAction.ISOLATION_VIOLATION_RECORDED, "isolation_violation", id, v.vendorId(), null, after);
        return id;
    }

    @RolesAllowed(Roles.ADMIN)
    public void acknowledge(long incidentId, String note) {
        transition(incidentId, IncidentState.OPEN, IncidentState.ACKNOWLEDGED, "acknowledged", note,
                IncidentAuditAction.INCIDENT_ACKNOWLEDGED);
    }

    /** Resolves an open or acknowledged incident; the note says what was done. */
    @RolesAllowed(Roles.ADMIN)
    public void resolve(long incidentId, String note) {
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("resolution-note-required", "Say how the incident was resolved.");
        }
        IncidentState from = state(incidentId);
        if (from == IncidentState.RESOLVED) {
            throw DomainException.conflict("incident-resolved", "Incident " + incidentId + " is already resolved.");
        }
        transition(incidentId, from, IncidentState.RESOLVED, "resolved", note, IncidentAuditAction.INCIDENT_RESOLVED);
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
        List<IncidentSummary> rows = new ArrayList<>(jdbc.query(SUMMARY_SELECT + """
                where cast(? as varchar) is null or i.state = ?
                order by case i.state when 'RESOLVED' then 1 else 0 end, i.opened_at desc, i.id desc
                limit ? offset ?
                """, SUMMARY,
                state == null ? null : state.name(), state == null ? null : state.name(),
                Slices.fetchSize(pageable), pageable.getOffset()));
        return Slices.of(rows, pageable);
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public IncidentDetail detail(long incidentId) {
        List<IncidentDetail.TimelineEntry> timeline = jdbc.query("""
                select n.id, n.occurred_at, n.kind, coalesce(a.display_name, 'System') as author, n.note
                from incident_note n left join account_directory a on a.id = n.author_id
                where n.incident_id = ? order by n.occurred_at, n.id
                """, (rs, i) -> new IncidentDetail.TimelineEntry(rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"), rs.getString("author"),
                        rs.getString("note")), incidentId);
        return jdbc.query("""
                select i.id, i.kind, i.severity, i.state, i.title, i.vendor_id, v.name as vendor_name,
                       v.slug as vendor_slug, i.rollout_id,
                       case when r.id is null then null
                            else r.from_label || ' → ' || r.to_label || ' (' || lower(r.state) || ')' end as rollout,
                       jsonb_pretty(i.evidence) as evidence, i.opened_at, coalesce(oa.display_name, 'System') as opened_by,
                       i.acknowledged_at, aa.display_name as acknowledged_by, i.resolved_at, ra.display_name as resolved_by
                from incident i
                left join vendor_directory v on v.id = i.vendor_id
                left join rollout_directory r on r.id = i.rollout_id
                left join account_directory oa on oa.id = i.opened_by
                left join account_directory aa on aa.id = i.acknowledged_by
                left join account_directory ra on ra.id = i.resolved_by
                where i.id = ?
                """, rs -> {
                    if (!rs.next()) {
                        throw DomainException.notFound("incident-not-found", "No incident " + incidentId + ".");
                    }
                    return new IncidentDetail(rs.getLong("id"), IncidentKind.valueOf(rs.getString("kind")),
                            Severity.valueOf(rs.getString("severity")), IncidentState.valueOf(rs.getString("state")),
                            rs.getString("title"), (Long) rs.getObject("vendor_id"), rs.getString("vendor_name"),
                            rs.getString("vendor_slug"), (Long) rs.getObject("rollout_id"), rs.getString("rollout"),
                            rs.getString("evidence"), instant(rs, "opened_at"), rs.getString("opened_by"),
                            instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "resolved_at"),
                            rs.getString("resolved_by"),
                            timeline);
                }, incidentId);
    }

    private long insert(AuditActor actor, NewIncident incident, Long openedBy) {
        Instant now = clock.instant();
        String title = incident.title() == null || incident.title().isBlank()
                ? incident.kind().label() : incident.title().trim();
        if (title.length() > 300) {
            throw DomainException.invalid("incident-title-too-long", "Keep the title under 300 characters.");
        }
        Long id = jdbc.queryForObject("""
                insert into incident (kind, severity, state, title, vendor_id, rollout_id, evidence, opened_at, opened_by)
                values (?, ?, 'OPEN', ?, ?, ?, ?::jsonb, ?, ?) returning id
                """, Long.class, incident.kind().name(), incident.severity().name(), title, incident.vendorId(),
                incident.rolloutId(), json.writeValueAsString(incident.evidence()), Timestamp.from(now), openedBy);
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

    private void transition(long incidentId, IncidentState from, IncidentState to, String verb, String note,
                            IncidentAuditAction action) {
        String text = checkedNote(note, false);
        String column = to == IncidentState.ACKNOWLEDGED ? "acknowledged" : "resolved";
        int changed = jdbc.update("update incident set state = ?, " + column + "_at = ?, " + column + "_by = ?, "
                        + "version = version + 1 where id = ? and state = ?",
                to.name(), Timestamp.from(clock.instant()), currentUser.id(), incidentId, from.name());
        if (changed == 0) {
            IncidentState now = state(incidentId);
            throw DomainException.conflict("incident-state",
                    "Incident " + incidentId + " is " + now.label().toLowerCase() + " and cannot be " + verb + ".");
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
        return jdbc.query("select state from incident where id = ?",
                rs -> {
                    if (!rs.next()) {
                        throw DomainException.notFound("incident-not-found", "No incident " + incidentId + ".");
                    }
                    return IncidentState.valueOf(rs.getString("state"));
                }, incidentId);
    }

    private Long vendorOf(long incidentId) {
        return jdbc.query("select vendor_id from incident where id = ?", rs -> {
            if (!rs.next()) {
                throw DomainException.notFound("incident-not-found", "No incident " + incidentId + ".");
            }
            return (Long) rs.getObject("vendor_id");
        }, incidentId);
    }

    private long note(long incidentId, String kind, Long authorId, String text) {
        Long id = jdbc.queryForObject("""
                insert into incident_note (incident_id, occurred_at, author_id, kind, note)
                values (?, ?, ?, ?, ?) returning id
                """, Long.class, incidentId, Timestamp.from(clock.instant()), authorId, kind, text);
        return id;
    }

    private static String checkedNote(String note, boolean required) {
        String text = note == null ? "" : note.trim();
        if (required && text.isEmpty()) {
            throw DomainException.invalid("note-required", "Write a note.");
        }
        if (text.length() > NOTE_MAX) {
            throw DomainException.invalid("note-too-long", "Keep the note under " + NOTE_MAX + " characters.");
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
