package io.bridgekeeper.audit;

import io.bridgekeeper.base.db.Slices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of incidents, their notes and the isolation violations recorded against them; names come
 * through the views other modules publish. {@code IncidentService} holds the rules, security and audit.
 */
@Repository
class IncidentStore {

    /** An incident as lists show it, with its violations counted; the caller adds where, order and limit. */
    private static final String SUMMARY_SELECT = """
            select i.id, i.kind, i.severity, i.state, i.title, v.name as vendor_name, i.rollout_id, i.opened_at,
                   (select count(*) from isolation_violation iv where iv.incident_id = i.id) as violations
            from incident i left join vendor_directory v on v.id = i.vendor_id
            """;

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<IncidentSummary> ofRollout(long rolloutId, AuditScope.Scope who) {
        MapSqlParameterSource params = new MapSqlParameterSource("rollout", rolloutId);
        StringBuilder sql = new StringBuilder(SUMMARY_SELECT).append(" where i.rollout_id = :rollout");
        who.restrict("i.vendor_id", sql, params);
        return jdbc.sql(sql.append(" order by i.id").toString()).paramSource(params).query(IncidentSummary.class).list();
    }

    List<IncidentSummary> list(IncidentState state, Pageable page) {
        return jdbc.sql(SUMMARY_SELECT + """
                        where cast(:state as varchar) is null or i.state = :state
                        order by case i.state when 'RESOLVED' then 1 else 0 end, i.opened_at desc, i.id desc
                        limit :limit offset :offset
                        """)
                .param("state", state == null ? null : state.name()).param("limit", Slices.fetchSize(page))
                .param("offset", page.getOffset()).query(IncidentSummary.class).list();
    }

    Optional<Long> openIsolationIncident(long vendorId, Severity severity, Long rolloutId) {
        return jdbc.sql("""
                        select id from incident where vendor_id = :vendor and kind = 'ISOLATION_VIOLATION'
                          and state <> 'RESOLVED' and severity = :severity
                          and (cast(:rollout as bigint) is null or rollout_id = :rollout)
                        order by id desc limit 1
                        """)
                .param("vendor", vendorId).param("severity", severity.name()).param("rollout", rolloutId)
                .query(Long.class).optional();
    }

    long claimedViolationsSince(long vendorId, Instant since) {
        return jdbc.sql("""
                        select count(*) from isolation_violation
                        where vendor_id = :vendor and evidence_grade = 'CLAIMED' and occurred_at > :since
                        """)
                .param("vendor", vendorId).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    long countOpen() {
        return jdbc.sql("select count(*) from incident where state <> 'RESOLVED'").query(Long.class).single();
    }

    /** Serialises the violations of one vendor across transactions and nodes: one open incident per vendor and rollout. */
    void lockViolations(long vendorId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('incident-violation'), :vendor::int)")
                .param("vendor", (int) vendorId).query().listOfRows();
    }

    Optional<Long> openIsolationIncidentOf(long vendorId, Long rolloutId) {
        return jdbc.sql("""
                        select id from incident
                        where kind = 'ISOLATION_VIOLATION' and state <> 'RESOLVED' and vendor_id = :vendor
                          and rollout_id is not distinct from cast(:rollout as bigint)
                        order by id limit 1
                        """)
                .param("vendor", vendorId).param("rollout", rolloutId).query(Long.class).optional();
    }

    /** The violation; owners the caller did not name are read from the devices as they are now. */
    long insertViolation(Instant at, IsolationViolation v, long incidentId, String evidence) {
        return jdbc.sql("""
                        insert into isolation_violation (occurred_at, vendor_id, source_device_id, target_device_id,
                            requester_account_id, source_owner_account_id, target_owner_account_id, reason,
                            cache_version_id, rollout_id, incident_id, evidence, evidence_grade, evidence_kind)
                        values (:at, :vendor, :source, :target, :requester,
                                coalesce(:sourceOwner, (select owner_account_id from device_directory where id = :source)),
                                (select owner_account_id from device_directory where id = :target), :reason,
                                :cacheVersion, :rollout, :incident, cast(:evidence as jsonb), :grade, :kind)
                        returning id
                        """)
                .param("at", Timestamp.from(at)).param("vendor", v.vendorId()).param("source", v.sourceDeviceId())
                .param("target", v.targetDeviceId()).param("requester", v.requesterAccountId())
                .param("sourceOwner", v.sourceOwnerAccountId()).param("reason", v.reason())
                .param("cacheVersion", v.cacheVersionId()).param("rollout", v.rolloutId()).param("incident", incidentId)
                .param("evidence", evidence).param("grade", v.grade().name()).param("kind", v.kind().name())
                .query(Long.class).single();
    }

    long insert(IncidentKind kind, Severity severity, String title, Long vendorId, Long rolloutId, String evidence,
                Instant at, Long openedBy) {
        return jdbc.sql("""
                        insert into incident (kind, severity, state, title, vendor_id, rollout_id, evidence, opened_at,
                            opened_by)
                        values (:kind, :severity, 'OPEN', :title, :vendor, :rollout, cast(:evidence as jsonb), :at, :by)
                        returning id
                        """)
                .param("kind", kind.name()).param("severity", severity.name()).param("title", title)
                .param("vendor", vendorId).param("rollout", rolloutId).param("evidence", evidence)
                .param("at", Timestamp.from(at)).param("by", openedBy).query(Long.class).single();
    }

    /** Moves the incident from {@code from} to {@code to} (acknowledged or resolved); false if it was not in {@code from}. */
    boolean transition(long incidentId, IncidentState from, IncidentState to, Instant at, long by) {
        String column = to == IncidentState.ACKNOWLEDGED ? "acknowledged" : "resolved";
        return jdbc.sql("update incident set state = :to, " + column + "_at = :at, " + column + "_by = :by, "
                        + "version = version + 1 where id = :id and state = :from")
                .param("to", to.name()).param("at", Timestamp.from(at)).param("by", by).param("id", incidentId)
                .param("from", from.name()).update() == 1;
    }

    record Ref(IncidentState state, Long vendorId) {
    }

    Optional<Ref> ref(long incidentId) {
        return jdbc.sql("select state, vendor_id from incident where id = :id").param("id", incidentId)
                .query(Ref.class).optional();
    }

    long insertNote(long incidentId, Instant at, String kind, Long authorId, String text) {
        return jdbc.sql("""
                        insert into incident_note (incident_id, occurred_at, author_id, kind, note)
                        values (:incident, :at, :author, :kind, :note) returning id
                        """)
                .param("incident", incidentId).param("at", Timestamp.from(at)).param("author", authorId)
                .param("kind", kind).param("note", text).query(Long.class).single();
    }

    Optional<IncidentDetail> detail(long incidentId) {
        List<IncidentDetail.TimelineEntry> timeline = jdbc.sql("""
                        select n.id, n.occurred_at as at, n.kind, coalesce(a.display_name, 'System') as author, n.note
                        from incident_note n left join account_directory a on a.id = n.author_id
                        where n.incident_id = :id order by n.occurred_at, n.id
                        """)
                .param("id", incidentId).query(IncidentDetail.TimelineEntry.class).list();
        return jdbc.sql("""
                        select i.id, i.kind, i.severity, i.state, i.title, i.vendor_id, v.name as vendor_name,
                               v.slug as vendor_slug, i.rollout_id,
                               case when r.id is null then null
                                    else r.from_label || ' → ' || r.to_label || ' (' || lower(r.state) || ')'
                               end as rollout,
                               jsonb_pretty(i.evidence) as evidence, i.opened_at,
                               coalesce(oa.display_name, 'System') as opened_by, i.acknowledged_at,
                               aa.display_name as acknowledged_by, i.resolved_at, ra.display_name as resolved_by
                        from incident i
                        left join vendor_directory v on v.id = i.vendor_id
                        left join rollout_directory r on r.id = i.rollout_id
                        left join account_directory oa on oa.id = i.opened_by
                        left join account_directory aa on aa.id = i.acknowledged_by
                        left join account_directory ra on ra.id = i.resolved_by
                        where i.id = :id
                        """)
                .param("id", incidentId).query(detail(timeline)).optional();
    }

    private static RowMapper<IncidentDetail> detail(List<IncidentDetail.TimelineEntry> timeline) {
        return (rs, n) -> new IncidentDetail(rs.getLong("id"), IncidentKind.valueOf(rs.getString("kind")),
                Severity.valueOf(rs.getString("severity")), IncidentState.valueOf(rs.getString("state")),
                rs.getString("title"), rs.getObject("vendor_id", Long.class), rs.getString("vendor_name"),
                rs.getString("vendor_slug"), rs.getObject("rollout_id", Long.class), rs.getString("rollout"),
                rs.getString("evidence"), instant(rs, "opened_at"), rs.getString("opened_by"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "resolved_at"),
                rs.getString("resolved_by"), timeline);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
