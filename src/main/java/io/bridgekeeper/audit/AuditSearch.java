package io.bridgekeeper.audit;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for the audit view and its CSV export. Pages are newest first, found through
 * the indexes on (action, id), (vendor_id, id), (actor_name, id), (target_type, target_id) and
 * (occurred_at, id); a page reads one row more than it shows instead of counting the table.
 */
@Service
@Transactional(readOnly = true)
public class AuditSearch {

    static final String[] CSV_HEADER = {"id", "occurred_at", "actor_type", "actor", "action", "target_type",
        "target_id", "vendor", "before", "after", "client_address"};
    private static final int EXPORT_FETCH_SIZE = 2_000;

    private final NamedParameterJdbcTemplate jdbc;
    /** Fetches the export in chunks through a server-side cursor, so memory stays flat. */
    private final NamedParameterJdbcTemplate streaming;
    private final AuditScope scope;
    private final Set<String> steps;

    AuditSearch(NamedParameterJdbcTemplate jdbc, DataSource dataSource, AuditScope scope, List<AuditSteps> steps) {
        this.jdbc = jdbc;
        this.steps = steps.stream().flatMap(s -> s.stepActions().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.scope = scope;
    }

    /**
     * One page of events matching the filter, newest first; the slice says whether more follow. Step
     * events ({@link AuditSteps}) are folded into their target's other rows, with a count, unless the filter
     * asks for an action or a target: then every event is a row.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<AuditEntry> page(AuditFilter filter, Pageable pageable) {
        return page(filter, pageable, null);
    }

    /**
     * The same page read by key: when {@code afterId} is set, the events after that id (the last one of the
     * previous page); the offset is not used. A scrolling grid reads this way, so a deep page costs what the
     * first costs.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<AuditEntry> page(AuditFilter filter, Pageable pageable, Long afterId) {
        AuditScope.Scope who = scope.current();
        MapSqlParameterSource params = new MapSqlParameterSource();
        boolean fold = !steps.isEmpty() && filter.action() == null && filter.targetId() == null;
        String sql;
        if (fold) {
            params.addValue("steps", steps);
            sql = select(filter, who, params, """
                    , (select count(*) from audit_event s where s.target_type = e.target_type
                              and s.target_id = e.target_id and s.action in (:steps)) as folded_steps""")
                    + " and e.action not in (:steps)";
        } else {
            sql = select(filter, who, params);
        }
        if (afterId != null) {
            sql += " and e.id < :after";
            params.addValue("after", afterId);
        }
        sql += " order by e.id desc limit :limit offset :offset";
        params.addValue("limit", Slices.fetchSize(pageable))
                .addValue("offset", afterId == null ? pageable.getOffset() : 0);
        List<AuditEntry> rows = new ArrayList<>(jdbc.query(sql, params,
                (rs, i) -> entry(rs, who, fold ? rs.getLong("folded_steps") : 0)));
        return Slices.of(rows, pageable);
    }

    /**
     * Every event about one target, oldest first, as the caller may see them: the trail another
     * module's page shows (a rollout's), without that module reading the audit table.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<AuditEntry> trail(String targetType, String targetId) {
        AuditScope.Scope who = scope.current();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = select(new AuditFilter(null, null, targetType, targetId, null, null, null), who, params)
                + " order by e.id";
        return jdbc.query(sql, params, (rs, i) -> entry(rs, who));
    }

    /** One event, if the caller may see it. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Optional<AuditEntry> find(long id) {
        AuditScope.Scope who = scope.current();
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        String sql = select(AuditFilter.NONE, who, params) + " and e.id = :id";
        return jdbc.query(sql, params, (rs, i) -> entry(rs, who)).stream().findFirst();
    }

    /**
     * Writes every event matching the filter as CSV, newest first, row by row as the database
     * returns them (never the whole result in memory). Returns the number of rows written.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public long exportCsv(AuditFilter filter, OutputStream out) {
        AuditScope.Scope who = scope.current();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = select(filter, who, params) + " order by e.id desc";
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(writer);
            long[] count = {0};
            streaming.query(sql, params, rs -> {
                AuditEntry e = entry(rs, who);
                try {
                    csv.printRecord(e.id(), e.occurredAt(), e.actorType(), e.actorName(), e.action(),
                            e.targetType(), e.targetId(), e.vendorName(), e.before(), e.after(), e.clientAddress());
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                count[0]++;
            });
            csv.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actions that occur in the log, found by skipping through the action index (not a scan). */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<String> actions() {
        return jdbc.getJdbcTemplate().queryForList("""
                with recursive a(action) as (
                    select min(action) from audit_event
                    union all
                    select (select min(action) from audit_event where action > a.action) from a where a.action is not null)
                select action from a where action is not null
                """, String.class);
    }

    /** The vendors the caller may filter by: every vendor for an admin, their own for a partner manager. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<VendorOption> vendors() {
        AuditScope.Scope who = scope.current();
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select v.id, v.slug, v.name from vendor_directory v where true");
        who.restrict("v.id", sql, params);
        return jdbc.query(sql.append(" order by v.name").toString(), params,
                (rs, i) -> new VendorOption(rs.getLong("id"), rs.getString("slug"), rs.getString("name")));
    }

    private static String select(AuditFilter f, AuditScope.Scope who, MapSqlParameterSource params) {
        return select(f, who, params, "");
    }

    /** The filtered select; {@code moreColumns} (", expr as name") joins the select list. */
    private static String select(AuditFilter f, AuditScope.Scope who, MapSqlParameterSource params, String moreColumns) {
        StringBuilder sql = new StringBuilder("""
                select e.id, e.occurred_at, e.actor_type, e.actor_id, e.actor_name, e.action, e.target_type,
                       e.target_id, e.vendor_id, v.name as vendor_name, e.before_state::text as before_state,
                       e.after_state::text as after_state,
                       e.client_address, a.kind as actor_kind""").append(moreColumns).append("""

                from audit_event e
                left join vendor_directory v on v.id = e.vendor_id
                left join account_directory a on a.id = (case when e.actor_type = 'ACCOUNT' and e.actor_id ~ '^[0-9]+$'
                                                then e.actor_id::bigint end)
                where true""");
        who.restrict("e.vendor_id", sql, params);
        if (f.actor() != null) {
            sql.append(" and e.actor_name = :actor");
            params.addValue("actor", f.actor());
            if (who.isPartner()) {
                // a partner may not learn which household did what by guessing its e-mail
                sql.append(" and a.kind is distinct from 'HOUSEHOLD'");
            }
        }
        if (f.action() != null) {
            sql.append(" and e.action = :action");
            params.addValue("action", f.action());
        }
        if (f.targetType() != null) {
            sql.append(" and e.target_type = :targetType");
            params.addValue("targetType", f.targetType());
        }
        if (f.targetId() != null) {
            sql.append(" and e.target_id = :targetId");
            params.addValue("targetId", f.targetId());
        }
        if (f.vendorId() != null) {
            sql.append(" and e.vendor_id = :vendor");
            params.addValue("vendor", f.vendorId());
        }
        if (f.from() != null) {
            sql.append(" and e.occurred_at >= :from");
            params.addValue("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and e.occurred_at < :to");
            params.addValue("to", Timestamp.from(f.to()));
        }
        return sql.toString();
    }

    private AuditEntry entry(ResultSet rs, AuditScope.Scope who) throws SQLException {
        return entry(rs, who, 0);
    }

    private AuditEntry entry(ResultSet rs, AuditScope.Scope who, long foldedSteps) throws SQLException {
        String actorType = rs.getString("actor_type");
        String actorId = rs.getString("actor_id");
        String actorName = rs.getString("actor_name");
        String before = rs.getString("before_state");
        String after = rs.getString("after_state");
        String client = rs.getString("client_address");
        if (who.isPartner()) {
            boolean self = "ACCOUNT".equals(actorType) && String.valueOf(who.partnerAccountId()).equals(actorId);
            if ("HOUSEHOLD".equals(rs.getString("actor_kind"))) {
                actorName = "Household #" + actorId;
            }
            client = self ? client : null;
            before = scope.redact(before);
            after = scope.redact(after);
        }
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actorType, actorName,
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                (Long) rs.getObject("vendor_id"), rs.getString("vendor_name"), before, after, client, foldedSteps);
    }
}
