package io.bridgekeeper.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.bridgekeeper.vendor.ReachCounter.Reach;
import io.bridgekeeper.vendor.VendorAccess;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The rollout module's reads, in SQL. */
@Component
class RolloutStore {

    private static final Map<String, String> SORTABLE = Map.of(
            "vendorName", "v.name", "state", "r.state", "createdAt", "r.created_at", "id", "r.id");

    private static final String DETAIL = """
            select r.id, r.vendor_id, v.slug as vendor_slug, v.name as vendor_name, r.from_version_id,
                   fv.label as from_label, r.to_version_id, tv.label as to_label, r.state, r.salt, r.current_stage,
                   r.bake_seconds, r.min_deliveries, r.error_rate_threshold, r.no_data_seconds, r.created_by,
                   ca.display_name as created_by_name, r.created_at, r.submitted_at, da.display_name as decided_by_name,
                   r.decided_at, r.decision_reason, r.started_at, r.stage_started_at, r.observed_since, r.ended_at,
                   r.pause_reason, r.version
            from rollout r
            join vendor_directory v on v.id = r.vendor_id
            join cache_version fv on fv.id = r.from_version_id
            join cache_version tv on tv.id = r.to_version_id
            join account_directory ca on ca.id = r.created_by
            left join account_directory da on da.id = r.decided_by
            where r.id = :id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RolloutStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- cache versions

    List<CacheVersion> versions(long vendorId) {
        return jdbc.query("""
                select id, vendor_id, label, description, release_notes, stable, created_at
                from cache_version where vendor_id = :v order by created_at desc, id desc
                """, Map.of("v", vendorId), (rs, i) -> new CacheVersion(rs.getLong("id"), rs.getLong("vendor_id"),
                rs.getString("label"), rs.getString("description"), rs.getString("release_notes"), rs.getBoolean("stable"),
                rs.getTimestamp("created_at").toInstant()));
    }

    /** The vendor's versions by label. */
    Map<String, Long> versionIds(long vendorId) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.query("select label, id from cache_version where vendor_id = :v", Map.of("v", vendorId), rs -> {
            versions.put(rs.getString("label"), rs.getLong("id"));
        });
        return versions;
    }

    boolean labelTaken(long vendorId, String label) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from cache_version where vendor_id = :v and label = :label)",
                Map.of("v", vendorId, "label", label), Boolean.class));
    }

    /**
     * Serialises registrations per vendor (the first version registered is the stable one) with a lock
     * of this module's own, not the vendor module's row.
     */
    void lockVersions(long vendorId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('cache-version-registration'), :v::int)",
                Map.of("v", vendorId), Object.class);
    }

    boolean hasStableVersion(long vendorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from cache_version where vendor_id = :v and stable)", Map.of("v", vendorId),
                Boolean.class));
    }

    /** {@code by} is the account that registered it, null for a vendor through the partner API. */
    long insertVersion(long vendorId, String label, String description, String notes, boolean stable, Instant at,
                       Long by) {
        return jdbc.queryForObject("""
                insert into cache_version (vendor_id, label, description, release_notes, stable, created_at, created_by)
                values (:v, :label, :description, :notes, :stable, :at, :by) returning id
                """, new MapSqlParameterSource("v", vendorId).addValue("label", label)
                .addValue("description", description).addValue("notes", notes).addValue("stable", stable)
                .addValue("at", Timestamp.from(at)).addValue("by", by, java.sql.Types.BIGINT), Long.class);
    }

    // --- telemetry

    /** One vendor-reported minute of a version, replacing an earlier report of the same minute. */
    void saveTelemetry(long vendorId, long versionId, Instant minute, long deliveries, long errors, long violations) {
        jdbc.update("""
                insert into telemetry (vendor_id, cache_version_id, minute, source, deliveries, errors, isolation_violations)
                values (:v, :cv, :minute, 'VENDOR', :d, :e, :x)
                on conflict (vendor_id, cache_version_id, minute, source)
                do update set deliveries = excluded.deliveries, errors = excluded.errors,
                              isolation_violations = excluded.isolation_violations
                """, new MapSqlParameterSource("v", vendorId).addValue("cv", versionId)
                .addValue("minute", Timestamp.from(minute)).addValue("d", deliveries).addValue("e", errors)
                .addValue("x", violations));
    }

    // --- the state machine's writes (RolloutService, RolloutTransitions), inside the caller's row lock

    long countActive() {
        return jdbc.queryForObject("select count(*) from rollout where state in ('RUNNING', 'PAUSED')", Map.of(),
                Long.class);
    }

    List<VendorChoice> vendorChoices(VendorAccess.Scope scope) {
        StringBuilder sql = new StringBuilder("select id, name, slug from vendor_directory where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        scope.restrict("id", sql, params);
        return jdbc.query(sql.append(" order by name").toString(), params,
                (rs, i) -> new VendorChoice(rs.getLong("id"), rs.getString("name"), rs.getString("slug")));
    }

    Optional<Long> stableVersion(long vendorId) {
        return jdbc.queryForList("select id from cache_version where vendor_id = :v and stable", Map.of("v", vendorId),
                Long.class).stream().findFirst();
    }

    boolean isVersionOf(long vendorId, long versionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from cache_version where id = :id and vendor_id = :v)",
                Map.of("id", versionId, "v", vendorId), Boolean.class));
    }

    long insertRollout(NewRollout plan, long fromVersionId, String salt, long by, Instant at) {
        long id = jdbc.queryForObject("""
                insert into rollout (vendor_id, from_version_id, to_version_id, state, salt, bake_seconds, min_deliveries,
                                     error_rate_threshold, no_data_seconds, created_by, created_at)
                values (:v, :from, :to, 'DRAFT', :salt, :bake, :min, :threshold, :noData, :by, :at) returning id
                """, new MapSqlParameterSource("v", plan.vendorId()).addValue("from", fromVersionId)
                .addValue("to", plan.toVersionId()).addValue("salt", salt).addValue("bake", plan.bakeSeconds())
                .addValue("min", plan.minDeliveries()).addValue("threshold", plan.errorRateThreshold())
                .addValue("noData", plan.noDataSeconds()).addValue("by", by).addValue("at", Timestamp.from(at)),
                Long.class);
        List<Integer> percents = plan.stages().percents();
        for (int i = 0; i < percents.size(); i++) {
            jdbc.update("insert into rollout_stage (rollout_id, stage_index, percent) values (:id, :i, :percent)",
                    Map.of("id", id, "i", i, "percent", percents.get(i)));
        }
        return id;
    }

    void submitted(long id, Instant at) {
        jdbc.update("update rollout set state = 'PENDING_APPROVAL', submitted_at = :at, version = version + 1 where id = :id",
                Map.of("at", Timestamp.from(at), "id", id));
    }

    void decided(long id, RolloutState next, long by, Instant at, String reason) {
        jdbc.update("""
                update rollout set state = :state, decided_by = :by, decided_at = :at, decision_reason = :reason,
                                   version = version + 1
                where id = :id
                """, new MapSqlParameterSource("state", next.name()).addValue("by", by)
                .addValue("at", Timestamp.from(at)).addValue("reason", reason).addValue("id", id));
    }

    /** RUNNING at the first stage, which starts now. */
    void started(long id, Instant at) {
        Map<String, Object> params = Map.of("at", Timestamp.from(at), "id", id);
        jdbc.update("""
                update rollout set state = 'RUNNING', current_stage = 0, started_at = :at, stage_started_at = :at,
                                   observed_since = :at, version = version + 1
                where id = :id
                """, params);
        jdbc.update("update rollout_stage set started_at = :at where rollout_id = :id and stage_index = 0", params);
    }

    /** RUNNING again; the guards observe from now. */
    void resumed(long id, Instant at) {
        jdbc.update("""
                update rollout set state = 'RUNNING', pause_reason = null, observed_since = :at, version = version + 1
                where id = :id
                """, Map.of("at", Timestamp.from(at), "id", id));
    }

    void stageCompleted(long id, int stage, Instant at) {
        jdbc.update("update rollout_stage set completed_at = :at where rollout_id = :id and stage_index = :stage",
                Map.of("at", Timestamp.from(at), "id", id, "stage", stage));
    }

    /** The next stage starts now; the guards observe from now. */
    void nextStage(long id, int stage, Instant at) {
        Map<String, Object> params = Map.of("at", Timestamp.from(at), "id", id, "stage", stage);
        jdbc.update("update rollout_stage set started_at = :at where rollout_id = :id and stage_index = :stage", params);
        jdbc.update("""
                update rollout set current_stage = :stage, stage_started_at = :at, observed_since = :at,
                                   version = version + 1
                where id = :id
                """, params);
    }

    /** COMPLETED: the target is the vendor's one stable version. */
    void completed(long id, long vendorId, long toVersionId, Instant at) {
        jdbc.update("update cache_version set stable = false where vendor_id = :v and stable", Map.of("v", vendorId));
        jdbc.update("update cache_version set stable = true where id = :id", Map.of("id", toVersionId));
        jdbc.update("""
                update rollout set state = 'COMPLETED', ended_at = :at, pause_reason = null, version = version + 1
                where id = :id
                """, Map.of("at", Timestamp.from(at), "id", id));
    }

    /** PAUSED or HALTED, with the reason. */
    void stopped(long id, RolloutState state, String reason) {
        jdbc.update("update rollout set state = :state, pause_reason = :reason, version = version + 1 where id = :id",
                new MapSqlParameterSource("state", state.name()).addValue("reason", reason).addValue("id", id));
    }

    /** ROLLED_BACK: the stages begun and not completed end now. */
    void rolledBack(long id, Instant at) {
        Map<String, Object> params = Map.of("at", Timestamp.from(at), "id", id);
        jdbc.update("""
                update rollout_stage set completed_at = :at
                where rollout_id = :id and started_at is not null and completed_at is null
                """, params);
        jdbc.update("update rollout set state = 'ROLLED_BACK', ended_at = :at, version = version + 1 where id = :id",
                params);
    }

    /** Serialises the claimed violations of one vendor across transactions and nodes. */
    void lockClaims(long vendorId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('claimed-violation'), :v::int)",
                Map.of("v", (int) vendorId), Object.class);
    }

    /** One isolation violation in the version's telemetry minute, under its source (DECISION or OBSERVATION). */
    void countViolation(long vendorId, long cacheVersionId, String source, Instant minute) {
        jdbc.update("""
                insert into telemetry (vendor_id, cache_version_id, minute, source, isolation_violations)
                values (:v, :cv, :minute, :source, 1)
                on conflict (vendor_id, cache_version_id, minute, source)
                do update set isolation_violations = telemetry.isolation_violations + 1
                """, new MapSqlParameterSource("v", vendorId).addValue("cv", cacheVersionId)
                .addValue("minute", Timestamp.from(minute)).addValue("source", source));
    }

    // --- a suspension pauses the vendor's running rollouts

    /** Pauses the vendor's running rollouts with this reason; returns their ids. */
    List<Long> pauseRunning(long vendorId, String reason) {
        return jdbc.queryForList("""
                update rollout set state = 'PAUSED', pause_reason = :reason, version = version + 1
                where vendor_id = :v and state = 'RUNNING' returning id
                """, Map.of("reason", reason, "v", vendorId), Long.class);
    }

    // --- the vendor's reach (RolloutReach)

    Map<Long, Reach> reach(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        jdbc.query("""
                select vendor_id, count(*) as running from rollout
                where vendor_id in (:ids) and state = 'RUNNING' group by vendor_id
                """, Map.of("ids", vendorIds), rs -> {
                    result.put(rs.getLong("vendor_id"), new Reach(0, 0, 0, 0, rs.getLong("running"), 0, 0));
                });
        return result;
    }

    Optional<RolloutDetail> detail(long id) {
        return load(DETAIL, id);
    }

    /** The rollout, its row locked until the transaction ends: every change goes through here. */
    Optional<RolloutDetail> lock(long id) {
        jdbc.queryForList("select id from rollout where id = :id for update", Map.of("id", id), Long.class);
        return load(DETAIL, id);
    }

    private Optional<RolloutDetail> load(String sql, long id) {
        List<RolloutStage> stages = stages(id);
        return jdbc.query(sql, Map.of("id", id), (rs, i) -> new RolloutDetail(rs.getLong("id"),
                rs.getLong("vendor_id"), rs.getString("vendor_slug"), rs.getString("vendor_name"),
                rs.getLong("from_version_id"), rs.getString("from_label"), rs.getLong("to_version_id"),
                rs.getString("to_label"), RolloutState.valueOf(rs.getString("state")), rs.getString("salt"),
                (Integer) rs.getObject("current_stage"), stages, rs.getInt("bake_seconds"), rs.getLong("min_deliveries"),
                rs.getBigDecimal("error_rate_threshold"), rs.getInt("no_data_seconds"), rs.getLong("created_by"),
                rs.getString("created_by_name"), instant(rs, "created_at"), instant(rs, "submitted_at"),
                rs.getString("decided_by_name"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                instant(rs, "started_at"), instant(rs, "stage_started_at"), instant(rs, "observed_since"),
                instant(rs, "ended_at"), rs.getString("pause_reason"), rs.getLong("version")))
                .stream().findFirst();
    }

    List<RolloutStage> stages(long rolloutId) {
        return jdbc.query("""
                select stage_index, percent, started_at, completed_at from rollout_stage
                where rollout_id = :id order by stage_index
                """, Map.of("id", rolloutId),
                (rs, i) -> new RolloutStage(rs.getInt("stage_index"), rs.getInt("percent"), instant(rs, "started_at"),
                        instant(rs, "completed_at")));
    }

    Optional<Long> activeRollout(long vendorId) {
        return jdbc.queryForList("select id from rollout where vendor_id = :v and state in ('RUNNING', 'PAUSED')",
                Map.of("v", vendorId), Long.class).stream().findFirst();
    }

    List<Long> running() {
        return jdbc.queryForList("select id from rollout where state = 'RUNNING' order by id", Map.of(), Long.class);
    }

    /** A rollout as lists show it; the caller adds where, order and limit. */
    private static final String ROW_SELECT = """
            select r.id, r.vendor_id, v.name as vendor_name, fv.label as from_label, tv.label as to_label, r.state,
                   (select s.percent from rollout_stage s where s.rollout_id = r.id and s.stage_index = r.current_stage)
                       as stage_percent,
                   ca.display_name as created_by_name, r.created_at
            from rollout r
            join vendor_directory v on v.id = r.vendor_id
            join cache_version fv on fv.id = r.from_version_id
            join cache_version tv on tv.id = r.to_version_id
            join account_directory ca on ca.id = r.created_by
            """;

    private static final RowMapper<RolloutRow> ROW = (rs, i) -> new RolloutRow(rs.getLong("id"),
            rs.getLong("vendor_id"), rs.getString("vendor_name"), rs.getString("from_label"), rs.getString("to_label"),
            RolloutState.valueOf(rs.getString("state")), (Integer) rs.getObject("stage_percent"),
            rs.getString("created_by_name"), instant(rs, "created_at"));

    /** Rollouts submitted for approval by someone other than {@code adminId}, oldest submission first. */
    List<RolloutRow> awaitingApproval(long adminId) {
        return jdbc.query(ROW_SELECT + """
                where r.state = 'PENDING_APPROVAL' and r.created_by <> :me order by r.submitted_at, r.id
                """, Map.of("me", adminId), ROW);
    }

    /** One page of rollouts in the caller's partner scope, newest first unless sorted otherwise. */
    Slice<RolloutRow> search(RolloutFilter filter, VendorAccess.Scope scope, Pageable page) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where true");
        scope.restrict("r.vendor_id", sql, p);
        if (filter.vendorId() != null) {
            sql.append(" and r.vendor_id = :vendor");
            p.addValue("vendor", filter.vendorId());
        }
        if (filter.state() != null) {
            sql.append(" and r.state = :state");
            p.addValue("state", filter.state().name());
        }
        sql.append(" order by ").append(orderBy(page.getSort())).append(", r.id desc limit :limit offset :offset");
        p.addValue("limit", page.getPageSize() + 1).addValue("offset", page.getOffset());
        List<RolloutRow> rows = jdbc.query(sql.toString(), p, ROW);
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORTABLE.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " asc" : " desc"));
            }
        }
        return parts.isEmpty() ? "r.created_at desc" : String.join(", ", parts);
    }

    /** The guards' numbers for the target version over [window start, now]. */
    GuardReading reading(RolloutDetail r, Instant at) {
        Instant now = at;
        Instant start = r.observedSince() != null ? r.observedSince()
                : r.stageStartedAt() != null ? r.stageStartedAt() : now;
        if (r.state().isFinished() && r.startedAt() != null) {
            // a finished rollout shows what its whole run saw, up to its end
            start = r.startedAt();
            now = r.endedAt() != null ? r.endedAt() : now;
        }
        Instant windowStart = start;
        Instant end = now;
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("v", r.vendorId()).addValue("cv", r.toVersionId())
                .addValue("from", Timestamp.from(windowStart)).addValue("to", Timestamp.from(end));
        // a minute counts when it overlaps the window: it starts at or after the window's first minute
        return jdbc.queryForObject("""
                select coalesce(sum(deliveries) filter (where source = 'VENDOR'), 0) as deliveries,
                       coalesce(sum(errors) filter (where source = 'VENDOR'), 0) as errors,
                       coalesce(sum(isolation_violations), 0) as violations,
                       max(minute) + interval '1 minute' as last_data_at
                from telemetry
                where vendor_id = :v and cache_version_id = :cv
                  and minute >= date_trunc('minute', cast(:from as timestamptz)) and minute <= :to
                """, p, (rs, i) -> new GuardReading(windowStart, end, rs.getLong("deliveries"),
                rs.getLong("errors"), rs.getLong("violations"), instant(rs, "last_data_at"), Math.max(0, end.getEpochSecond() - windowStart.getEpochSecond()), r.bakeSeconds(),
                r.minDeliveries(), r.errorRateThreshold(), r.noDataSeconds()));
    }

    /** The target version's telemetry per minute, both sources together, oldest first. */
    List<TelemetryPoint> series(long vendorId, long cacheVersionId, Instant from, Instant to) {
        return jdbc.query("""
                select minute, sum(deliveries) filter (where source = 'VENDOR') as deliveries,
                       sum(errors) filter (where source = 'VENDOR') as errors, sum(isolation_violations) as violations
                from telemetry
                where vendor_id = :v and cache_version_id = :cv
                  and minute >= date_trunc('minute', cast(:from as timestamptz)) and minute <= :to
                group by minute order by minute
                """, new MapSqlParameterSource().addValue("v", vendorId).addValue("cv", cacheVersionId)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                (rs, i) -> new TelemetryPoint(instant(rs, "minute"), rs.getLong("deliveries"), rs.getLong("errors"),
                        rs.getLong("violations")));
    }

    /** The vendor's devices by their vendor device id (what a device's bucket is computed from). */
    List<String> deviceIds(long vendorId) {
        return jdbc.queryForList("select vendor_device_id from device_directory where vendor_id = :v and state <> 'REMOVED'",
                Map.of("v", vendorId), String.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
