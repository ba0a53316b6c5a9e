package io.bridgekeeper.decision;

import io.bridgekeeper.base.db.ReadReplicas;
import io.bridgekeeper.decision.DecisionState.VendorState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The database read of every authorization: its source and target devices with their links, as they
 * are now, in one statement whose plan PostgreSQL keeps. {@link DecisionEngine} decides from these rows
 * and never from memory, so a committed unlink or transfer is never missed.
 */
@Component
class DeviceReads {

    private final DecisionState state;
    private final ReadReplicas replicas;

    DeviceReads(DecisionState state, ReadReplicas replicas) {
        this.state = state;
        this.replicas = replicas;
    }

    /** A device as the database has it now, with its link. */
    record Row(long id, Long vendorId, String deviceId, String state, Long ownerId, Long linkId, Boolean linkLive,
               int linkEpoch, String modelCode, String surfaceCode, boolean linkNeedsRelink) {
        boolean removed() {
            return "REMOVED".equals(state);
        }

        boolean disabled() {
            return "DISABLED".equals(state);
        }

        /** Held while a move between households waits for consent. */
        boolean inConflict() {
            return "CONFLICT".equals(state);
        }

        boolean owned() {
            return ownerId != null && (linkId == null || Boolean.TRUE.equals(linkLive));
        }

        /** Its link is live but the vendor refused to refresh its tokens: the household must link again. */
        boolean needsRelink() {
            return linkId != null && linkNeedsRelink;
        }

        int epoch() {
            return linkId == null ? 0 : linkEpoch;
        }
    }

    private static final String DEVICE_COLUMNS = """
            select d.id, d.vendor_id, d.vendor_device_id, d.state, d.owner_account_id, d.link_id,
                   l.status = 'LIVE', l.epoch, d.model_code, d.surface_code, l.needs_relink
            from device_directory d
            left join link_directory l on l.id = d.link_id
            """;

    /**
     * The devices of one authorization: up to two vendor devices and one platform device, as plain
     * parameters ({@code null} for a slot not used, which matches no row). PostgreSQL reuses the plan
     * of this prepared statement. (The same statement with array parameters was planned again at every
     * execution, about 450 µs of PostgreSQL CPU per authorization on the benchmark's data set against 50
     * to 80 µs with this one; {@link #MANY_DEVICES} avoids that inside a function.)
     */
    private static final String FEW_DEVICES = DEVICE_COLUMNS + """
            where d.vendor_id = ? and d.vendor_device_id = ?
            union all
            """ + DEVICE_COLUMNS + """
            where d.vendor_id = ? and d.vendor_device_id = ?
            union all
            """ + DEVICE_COLUMNS + """
            where d.vendor_id is null and d.vendor_device_id = ?
            """;

    /**
     * Every device of a batch in one statement: the function {@code decision_devices} (migration V060),
     * whose plan PostgreSQL keeps, where the same statement with array parameters was planned again at
     * every execution.
     */
    private static final String MANY_DEVICES = """
            select id, vendor_id, vendor_device_id, state, owner_account_id, link_id, link_live, link_epoch,
                   model_code, surface_code, link_needs_relink
            from decision_devices(?::bigint[], ?::text[], ?::text[])
            """;

    /** The devices of these authorizations as the database has them now, by {@link #find}. */
    Map<String, Row> read(List<AuthorizeRequest> requests) {
        List<Long> vendorIds = new ArrayList<>();
        List<String> deviceIds = new ArrayList<>();
        List<String> platformIds = new ArrayList<>();
        for (AuthorizeRequest r : requests) {
            VendorState v = state.vendor(r.vendor());
            if (v != null) {
                vendorIds.add(v.id());
                deviceIds.add(r.sourceDeviceId());
            }
            if (r.targetVendor() == null) {
                platformIds.add(r.targetDeviceId());
            } else {
                VendorState tv = state.vendor(r.targetVendor());
                if (tv != null) {
                    vendorIds.add(tv.id());
                    deviceIds.add(r.targetDeviceId());
                }
            }
        }
        Map<String, Row> rows = new HashMap<>();
        if (vendorIds.isEmpty() && platformIds.isEmpty()) {
            return rows;
        }
        RowCallbackHandler collect = rs -> {
            Row row = row(rs);
            rows.put(key(row.vendorId(), row.deviceId()), row);
        };
        // on a replica that every commit waits for, or on the primary (ReadReplicas); a read that fails on a
        // replica is made again on the primary, so the rows are collected afresh by each attempt
        return replicas.decisionRead(jdbc -> {
            rows.clear();
            read(jdbc, vendorIds, deviceIds, platformIds, collect);
            return rows;
        });
    }

    private static void read(JdbcTemplate jdbc, List<Long> vendorIds, List<String> deviceIds, List<String> platformIds,
                             RowCallbackHandler collect) {
        if (vendorIds.size() <= 2 && platformIds.size() <= 1) {
            jdbc.query(FEW_DEVICES, ps -> {
                for (int i = 0; i < 2; i++) {
                    setLong(ps, 2 * i + 1, i < vendorIds.size() ? vendorIds.get(i) : null);
                    setString(ps, 2 * i + 2, i < deviceIds.size() ? deviceIds.get(i) : null);
                }
                setString(ps, 5, platformIds.isEmpty() ? null : platformIds.getFirst());
            }, collect);
        } else {
            jdbc.query(MANY_DEVICES, collect, vendorIds.toArray(Long[]::new), deviceIds.toArray(String[]::new),
                    platformIds.toArray(String[]::new));
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        boolean live = rs.getBoolean(7);
        Boolean linkLive = rs.wasNull() ? null : live;
        return new Row(rs.getLong(1), DecisionState.longOrNull(rs, 2), rs.getString(3), rs.getString(4),
                DecisionState.longOrNull(rs, 5), DecisionState.longOrNull(rs, 6), linkLive, rs.getInt(8), rs.getString(9),
                rs.getString(10), rs.getBoolean(11));
    }

    /**
     * The field of this authorization that no read can hold (PostgreSQL text has no NUL), or null. Checked
     * before a request joins a read shared with others, so it cannot fail theirs.
     */
    static String unreadableField(AuthorizeRequest r) {
        if (hasNul(r.vendor())) {
            return "vendor";
        }
        if (hasNul(r.sourceDeviceId())) {
            return "sourceDeviceId";
        }
        if (hasNul(r.targetVendor())) {
            return "targetVendor";
        }
        return hasNul(r.targetDeviceId()) ? "targetDeviceId" : null;
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** A device of what {@link #read} returned: a vendor's, or a platform device when {@code vendorId} is null. */
    static Row find(Map<String, Row> rows, Long vendorId, String deviceId) {
        return rows.get(key(vendorId, deviceId));
    }

    private static String key(Long vendorId, String deviceId) {
        return Objects.toString(vendorId, "platform") + '/' + deviceId;
    }
}
