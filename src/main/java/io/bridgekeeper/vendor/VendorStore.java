package io.bridgekeeper.vendor;

import io.bridgekeeper.base.db.Slices;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vendor module's SQL (its JPA aggregates aside: {@code Vendor}, {@code Suspension}): grids,
 * partner managers, suspension history and where it applied, API keys, violation policies. Rows map
 * by column name. The services hold the rules, security and audit.
 */
@Component
class VendorStore {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "v.name", "slug", "v.slug", "status", "v.status", "createdAt", "v.created_at");

    private final NamedParameterJdbcTemplate jdbc;

    private final JdbcClient client;

    VendorStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    // --- API keys

    long insertApiKey(long vendorId, String name, String prefix, String hash, long createdBy, Instant at) {
        return client.sql("""
                insert into vendor_api_key (vendor_id, name, key_prefix, key_hash, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(vendorId, name, prefix, hash, createdBy, Timestamp.from(at)).query(Long.class).single();
    }

    List<ApiKeySummary> apiKeys(long vendorId) {
        return client.sql("""
                select id, name, key_prefix, created_at, last_used_at, revoked_at from vendor_api_key
                where vendor_id = ? order by revoked_at nulls first, created_at desc
                """).param(vendorId).query((rs, i) -> new ApiKeySummary(rs.getLong("id"), rs.getString("name"),
                rs.getString("key_prefix"), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"))).list();
    }

    boolean revokeApiKey(long vendorId, long keyId, long revokedBy, Instant at) {
        return client.sql("update vendor_api_key set revoked_at = ?, revoked_by = ? "
                + "where id = ? and vendor_id = ? and revoked_at is null")
                .params(Timestamp.from(at), revokedBy, keyId, vendorId).update() == 1;
    }

    /** A live key's row as authentication checks it: its hash and when it was last used. */
    record KeyCandidate(long id, long vendorId, String vendorSlug, String keyHash, Instant lastUsedAt) {
    }

    /** The unrevoked keys of vendors not retired with this prefix (in practice one). */
    List<KeyCandidate> keysWithPrefix(String prefix) {
        return client.sql("""
                select k.id, k.vendor_id, v.slug as vendor_slug, k.key_hash, k.last_used_at from vendor_api_key k
                join vendor v on v.id = k.vendor_id
                where k.key_prefix = ? and k.revoked_at is null and v.status <> 'RETIRED'
                """).param(prefix).query(KeyCandidate.class).list();
    }

    void keyUsed(long keyId, Instant at) {
        client.sql("update vendor_api_key set last_used_at = ? where id = ?").params(Timestamp.from(at), keyId).update();
    }

    // --- violation policies

    /** A vendor's policy as stored, or empty when there is no such vendor. */
    Optional<ViolationPolicy> violationPolicy(long vendorId) {
        return client.sql("""
                select v.auto_suspend_on_violation as proven_suspends, p.claimed_threshold,
                       p.claimed_window_seconds, p.claimed_may_suspend
                from vendor v join vendor_violation_policy p on p.vendor_id = v.id
                where v.id = :id
                """).param("id", vendorId).query((rs, i) -> new ViolationPolicy(rs.getBoolean("proven_suspends"),
                rs.getInt("claimed_threshold"), Duration.ofSeconds(rs.getInt("claimed_window_seconds")),
                rs.getBoolean("claimed_may_suspend"))).optional();
    }

    void saveViolationPolicy(long vendorId, ViolationPolicy next, Instant at, long by) {
        client.sql("update vendor set auto_suspend_on_violation = :proven, version = version + 1 where id = :id")
                .param("proven", next.provenSuspends()).param("id", vendorId).update();
        client.sql("""
                insert into vendor_violation_policy (vendor_id, claimed_threshold, claimed_window_seconds,
                                                     claimed_may_suspend, updated_at, updated_by)
                values (:id, :threshold, :window, :maySuspend, :at, :by)
                on conflict (vendor_id) do update set claimed_threshold = excluded.claimed_threshold,
                    claimed_window_seconds = excluded.claimed_window_seconds,
                    claimed_may_suspend = excluded.claimed_may_suspend,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).param("id", vendorId).param("threshold", next.claimedThreshold())
                .param("window", (int) next.claimedWindow().toSeconds()).param("maySuspend", next.claimedMaySuspend())
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    // --- where suspensions applied, for an incident's timeline

    record Applied(long suspensionId, String nodeId, String change, Instant appliedAt, Instant suspendedAt,
                   Instant liftedAt) {
    }

    List<Applied> appliedSince(long vendorId, Instant since) {
        return client.sql("""
                        select a.suspension_id, a.node_id, a.change, a.applied_at, s.suspended_at, s.lifted_at
                        from suspension_application a join suspension s on s.id = a.suspension_id
                        where s.vendor_id = ? and s.suspended_at >= ?
                        order by a.applied_at""")
                .param(vendorId).param(Timestamp.from(since)).query(Applied.class).list();
    }

    Slice<VendorRow> search(VendorFilter filter, Pageable page) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("""
                select v.id, v.slug, v.name, v.status, v.created_at,
                       array(select c.capability from vendor_capability c where c.vendor_id = v.id order by 1) as caps
                from vendor v where true
                """);
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (v.name ilike :text or v.slug ilike :text)");
            p.addValue("text", "%" + filter.text().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            sql.append(" and v.status = :status");
            p.addValue("status", filter.status().name());
        }
        sql.append(" order by ").append(orderBy(page.getSort())).append(", v.id");
        sql.append(" limit :limit offset :offset");
        p.addValue("limit", Slices.fetchSize(page)).addValue("offset", page.getOffset());
        List<VendorRow> rows = jdbc.query(sql.toString(), p, (rs, i) -> new VendorRow(rs.getLong("id"),
                rs.getString("slug"), rs.getString("name"), VendorStatus.valueOf(rs.getString("status")),
                capabilities(rs.getArray("caps")), rs.getTimestamp("created_at").toInstant()));
        return Slices.of(rows, page);
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORTABLE.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " asc" : " desc"));
            }
        }
        return parts.isEmpty() ? "v.name asc" : String.join(", ", parts);
    }

    List<VendorDetail.PartnerManagerRef> partnerManagers(long vendorId) {
        return jdbc.query("""
                select a.id, a.email, a.display_name from vendor_partner_manager pm join account_directory a on a.id = pm.account_id
                where pm.vendor_id = :v order by a.display_name
                """, Map.of("v", vendorId),
                (rs, i) -> new VendorDetail.PartnerManagerRef(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name")));
    }

    boolean assign(long vendorId, long accountId, Instant at) {
        return jdbc.update("insert into vendor_partner_manager (vendor_id, account_id, assigned_at) values (:v, :a, :at) "
                + "on conflict do nothing", Map.of("v", vendorId, "a", accountId, "at", Timestamp.from(at))) == 1;
    }

    boolean unassign(long vendorId, long accountId) {
        return jdbc.update("delete from vendor_partner_manager where vendor_id = :v and account_id = :a",
                Map.of("v", vendorId, "a", accountId)) == 1;
    }

    List<SuspensionSummary> suspensions(long vendorId) {
        return jdbc.query("""
                select s.id, s.status, s.all_capabilities, s.reason_code, s.reason_text, s.expected_restoration_at,
                       s.suspended_at, coalesce(sb.display_name, 'the system') as suspended_by_name, s.resume_requested_at,
                       rb.display_name as resume_requested_by_name, s.resume_requested_by, s.lifted_at,
                       lb.display_name as lifted_by_name, s.resume_request_reason, s.lift_reason,
                       array(select c.capability from suspension_capability c where c.suspension_id = s.id order by 1)
                           as scope,
                       array(select c.capability from vendor_capability c where c.vendor_id = s.vendor_id order by 1)
                           as vendor_caps
                from suspension s
                left join account_directory sb on sb.id = s.suspended_by
                left join account_directory rb on rb.id = s.resume_requested_by
                left join account_directory lb on lb.id = s.lifted_by
                where s.vendor_id = :v order by s.suspended_at desc, s.id desc
                """, Map.of("v", vendorId), (rs, i) -> {
                    boolean all = rs.getBoolean("all_capabilities");
                    return new SuspensionSummary(rs.getLong("id"), SuspensionStatus.valueOf(rs.getString("status")), all,
                            capabilities(rs.getArray(all ? "vendor_caps" : "scope")),
                            SuspensionReason.valueOf(rs.getString("reason_code")), rs.getString("reason_text"),
                            instant(rs, "expected_restoration_at"), instant(rs, "suspended_at"),
                            rs.getString("suspended_by_name"), instant(rs, "resume_requested_at"),
                            rs.getString("resume_requested_by_name"), (Long) rs.getObject("resume_requested_by"),
                            rs.getString("resume_request_reason"), instant(rs, "lifted_at"),
                            rs.getString("lifted_by_name"), rs.getString("lift_reason"));
                });
    }

    /** Resumes requested by someone other than {@code adminId}, oldest first: what waits for their approval. */
    List<PendingResume> resumesAwaitingApproval(long adminId) {
        return jdbc.query("""
                select v.id as vendor_id, v.slug as vendor_slug, v.name as vendor_name, s.reason_code,
                       rb.display_name as requested_by, s.resume_requested_at, s.resume_request_reason
                from suspension s join vendor v on v.id = s.vendor_id
                left join account_directory rb on rb.id = s.resume_requested_by
                where s.status = 'RESUME_REQUESTED' and s.resume_requested_by is distinct from :me
                order by s.resume_requested_at, s.id
                """, Map.of("me", adminId), (rs, i) -> new PendingResume(rs.getLong("vendor_id"),
                rs.getString("vendor_slug"), rs.getString("vendor_name"),
                SuspensionReason.valueOf(rs.getString("reason_code")), rs.getString("requested_by"),
                instant(rs, "resume_requested_at"), rs.getString("resume_request_reason")));
    }

    /**
     * For each live node, when it applied this change. Only live nodes: a node that stopped or crashed
     * no longer enforces anything, so it counts neither as applied nor as missing.
     */
    Optional<Instant> lastLiftedAt(long vendorId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(lifted_at) from suspension where vendor_id = :v",
                Map.of("v", vendorId), Timestamp.class)).map(Timestamp::toInstant);
    }

    /** Node → when it applied this change of the suspension. */
    Map<String, Instant> appliedAt(long suspensionId, String change) {
        Map<String, Instant> applied = new HashMap<>();
        jdbc.query("""
                select node_id, applied_at from suspension_application where suspension_id = :s and change = :c
                """, Map.of("s", suspensionId, "c", change),
                rs -> {
                    applied.put(rs.getString("node_id"), instant(rs, "applied_at"));
                });
        return applied;
    }

    Map<Long, String> vendorNames(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name from vendor where id in (:ids)", Map.of("ids", ids),
                    rs -> {
                        names.put(rs.getLong("id"), rs.getString("name"));
                    });
        }
        return names;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Set<Capability> capabilities(Array array) throws SQLException {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                set.add(Capability.valueOf(String.valueOf(o)));
            }
        }
        return set;
    }
}
