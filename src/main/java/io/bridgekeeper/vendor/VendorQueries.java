package io.bridgekeeper.vendor;

import io.bridgekeeper.base.db.Slices;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.springframework.stereotype.Component;

/** The vendor module's read models, in SQL: grids, reach, partner managers, suspension history. */
@Component
class VendorQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "v.name", "slug", "v.slug", "status", "v.status", "createdAt", "v.created_at");

    private final NamedParameterJdbcTemplate jdbc;

    VendorQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
                select a.id, a.email, a.display_name from vendor_partner_manager pm join account a on a.id = pm.account_id
                where pm.vendor_id = :v order by a.display_name
                """, Map.of("v", vendorId),
                (rs, i) -> new VendorDetail.PartnerManagerRef(rs.getLong("id"), rs.getString("email"),
                        rs.getString("display_name")));
    }

    Optional<Long> partnerManagerByEmail(String email) {
        return jdbc.queryForList("""
                select a.id from account a join account_role r on r.account_id = a.id
                where lower(a.email) = lower(:email) and r.role = 'PARTNER_MANAGER' and a.enabled
                """, Map.of("email", email), Long.class).stream().findFirst();
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
                       lb.display_name as lifted_by_name,
                       array(select c.capability from suspension_capability c where c.suspension_id = s.id order by 1)
                           as scope,
                       array(select c.capability from vendor_capability c where c.vendor_id = s.vendor_id order by 1)
                           as vendor_caps
                from suspension s
                left join account sb on sb.id = s.suspended_by
                left join account rb on rb.id = s.resume_requested_by
                left join account lb on lb.id = s.lifted_by
                where s.vendor_id = :v order by s.suspended_at desc, s.id desc
                """, Map.of("v", vendorId), (rs, i) -> {
                    boolean all = rs.getBoolean("all_capabilities");
                    return new SuspensionSummary(rs.getLong("id"), SuspensionStatus.valueOf(rs.getString("status")), all,
                            capabilities(rs.getArray(all ? "vendor_caps" : "scope")),
                            SuspensionReason.valueOf(rs.getString("reason_code")), rs.getString("reason_text"),
                            instant(rs, "expected_restoration_at"), instant(rs, "suspended_at"),
                            rs.getString("suspended_by_name"), instant(rs, "resume_requested_at"),
                            rs.getString("resume_requested_by_name"), (Long) rs.getObject("resume_requested_by"),
                            instant(rs, "lifted_at"), rs.getString("lifted_by_name"));
                });
    }

    /**
     * For each live node, when it applied this change. Only live nodes: a node that stopped or crashed
     * no longer enforces anything, so it counts neither as applied nor as missing.
     */
    Optional<Instant> lastLiftedAt(long vendorId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(lifted_at) from suspension where vendor_id = :v",
                Map.of("v", vendorId), Timestamp.class)).map(Timestamp::toInstant);
    }

    List<NodeApplication> applications(long suspensionId, String change, Instant aliveSince) {
        return jdbc.query("""
                select n.node_id, a.applied_at from app_node n
                left join suspension_application a on a.node_id = n.node_id and a.suspension_id = :s and a.change = :c
                where n.last_seen_at > :alive and n.stopped_at is null
                order by n.started_at, n.node_id
                """, Map.of("s", suspensionId, "c", change, "alive", Timestamp.from(aliveSince)),
                (rs, i) -> new NodeApplication(rs.getString("node_id"), instant(rs, "applied_at")));
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
