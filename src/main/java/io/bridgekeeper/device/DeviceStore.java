package io.bridgekeeper.device;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.vendor.ReachCounter.Reach;
import io.bridgekeeper.vendor.VendorAccess;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The device module's SQL for its services: the household's devices, the staff grid and detail,
 * transfers, enable and disable, and moves between households. Rows map by column name. Ownership
 * periods and syncs are {@link DeviceOwnership}'s own statements (the ownership engine, which the link
 * module drives too). The services hold the rules, security and audit.
 */
@Repository
class DeviceStore {

    /** A device locked for a change, with what the change checks. */
    record Locked(long id, Long vendorId, Long ownerAccountId, Long linkId, DeviceState state, Long disabledBy) {
    }

    /** A pending move locked for its resolution. */
    record Move(long id, long deviceId, long vendorId, long fromAccountId, long toAccountId, long toLinkId) {
    }

    private static final String ROW_SELECT = """
            select d.id, d.vendor_id, coalesce(v.name, 'Platform') as vendor_name, d.vendor_device_id, d.kind, d.name,
                   d.owner_account_id, a.email as owner_email, d.link_id, d.state, d.owner_since
            from device d left join vendor_directory v on v.id = d.vendor_id left join account_directory a on a.id = d.owner_account_id
            """;
    private static final RowMapper<DeviceRow> ROW = (rs, i) -> new DeviceRow(rs.getLong("id"),
            (Long) rs.getObject("vendor_id"), rs.getString("vendor_name"), rs.getString("vendor_device_id"),
            DeviceKind.valueOf(rs.getString("kind")), rs.getString("name"), (Long) rs.getObject("owner_account_id"),
            rs.getString("owner_email"), (Long) rs.getObject("link_id"), DeviceState.valueOf(rs.getString("state")),
            instant(rs.getTimestamp("owner_since")));
    private static final RowMapper<Locked> LOCKED = (rs, i) -> new Locked(rs.getLong("id"),
            (Long) rs.getObject("vendor_id"), (Long) rs.getObject("owner_account_id"), (Long) rs.getObject("link_id"),
            DeviceState.valueOf(rs.getString("state")), (Long) rs.getObject("disabled_by"));

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the household's side

    List<HouseholdDevice> devicesOf(long accountId) {
        return jdbc.sql("""
                select d.id, d.vendor_id, coalesce(v.name, 'Platform') as vendor_name, d.kind, d.name, d.state,
                       d.surface_code, coalesce(l.needs_relink, false) as needs_relink
                from device d left join vendor_directory v on v.id = d.vendor_id
                left join link_directory l on l.id = d.link_id
                where d.owner_account_id = :account and d.state <> 'REMOVED'
                order by v.name nulls first, d.kind, d.name
                """).param("account", accountId).query((rs, i) -> new HouseholdDevice(rs.getLong("id"),
                (Long) rs.getObject("vendor_id"), rs.getString("vendor_name"), DeviceKind.valueOf(rs.getString("kind")),
                rs.getString("name"), DeviceState.valueOf(rs.getString("state")), rs.getString("surface_code"),
                rs.getBoolean("needs_relink"))).list();
    }

    /** The vendor's id of a device and since when its owner has it, if {@code accountId} owns it. */
    record Ownership(String vendorDeviceId, Instant ownerSince, String modelCode) {
    }

    Optional<Ownership> ownershipOf(long deviceId, long accountId) {
        return jdbc.sql("select vendor_device_id, owner_since, model_code from device where id = ? and owner_account_id = ?")
                .params(deviceId, accountId).query(Ownership.class).optional();
    }

    /** The household's own device, not removed, locked for enabling or disabling it. */
    Optional<Locked> lockOwned(long deviceId, long accountId) {
        return jdbc.sql("""
                select id, vendor_id, owner_account_id, link_id, state, disabled_by from device
                where id = ? and owner_account_id = ? and state <> 'REMOVED' for update
                """).params(deviceId, accountId).query(LOCKED).optional();
    }

    /** Turns the device off for the household; returns its state now. */
    DeviceState disable(long deviceId, long by, Instant at) {
        Timestamp now = Timestamp.from(at);
        return DeviceState.valueOf(jdbc.sql("""
                update device set disabled_by = ?, disabled_at = ?,
                    state = case when state = 'ACTIVE' then 'DISABLED' else state end, updated_at = ?, version = version + 1
                where id = ? returning state
                """).params(by, now, now, deviceId).query(String.class).single());
    }

    /** Turns it on again; returns its state now. */
    DeviceState enable(long deviceId, Instant at) {
        return DeviceState.valueOf(jdbc.sql("""
                update device set disabled_by = null, disabled_at = null,
                    state = case when state = 'DISABLED' then 'ACTIVE' else state end, updated_at = ?, version = version + 1
                where id = ? returning state
                """).params(Timestamp.from(at), deviceId).query(String.class).single());
    }

    // --- the staff's side

    /** A page by offset, or, when {@code afterId} is set, the page's rows after that id (keyset). */
    List<DeviceRow> page(VendorAccess.Scope scope, DeviceFilter filter, Pageable page, Long afterId) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        scope.restrict("d.vendor_id", sql, args);
        if (filter.vendorId() != null) {
            sql.append(" and d.vendor_id = ?");
            args.add(filter.vendorId());
        }
        if (filter.kind() != null) {
            sql.append(" and d.kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.state() != null) {
            sql.append(" and d.state = ?");
            args.add(filter.state().name());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            sql.append(" and d.owner_account_id = (select id from account_directory where lower(email) = lower(?))");
            args.add(filter.owner().strip());
        }
        Slices.orderNewestFirst("d.id", page, afterId, sql, args);
        return jdbc.sql(sql.toString()).params(args).query(ROW).list();
    }

    List<VendorOption> vendorOptions(VendorAccess.Scope scope) {
        StringBuilder sql = new StringBuilder("select id, name from vendor_directory where true");
        List<Object> args = new ArrayList<>();
        scope.restrict("id", sql, args);
        return jdbc.sql(sql.append(" order by name").toString()).params(args)
                .query((rs, i) -> new VendorOption(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** Devices by the vendor's device id (exact) or, for a number, the platform's id, within the scope. */
    List<DeviceRow> find(VendorAccess.Scope scope, String text, int limit) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where (d.vendor_device_id = ?");
        List<Object> args = new ArrayList<>(List.of(text));
        if (text.matches("#?\\d{1,18}")) {
            sql.append(" or d.id = ?");
            args.add(Long.parseLong(text.replace("#", "")));
        }
        sql.append(")");
        scope.restrict("d.vendor_id", sql, args);
        sql.append(" order by d.id desc limit ?");
        args.add(limit);
        return jdbc.sql(sql.toString()).params(args).query(ROW).list();
    }

    Optional<DeviceRow> row(VendorAccess.Scope scope, long deviceId) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where d.id = ?");
        List<Object> args = new ArrayList<>(List.of(deviceId));
        scope.restrict("d.vendor_id", sql, args);
        return jdbc.sql(sql.toString()).params(args).query(ROW).optional();
    }

    /** The device's ownership periods, newest first, with each owner's e-mail as stored (the service masks it). */
    List<OwnershipPeriod> history(long deviceId) {
        return jdbc.sql("""
                select o.owner_account_id, a.email, o.link_id, o.link_epoch, o.started_at, o.start_reason, o.ended_at,
                       o.end_reason, o.reason_text
                from device_ownership o join account_directory a on a.id = o.owner_account_id
                where o.device_id = ? order by o.started_at desc, o.id desc
                """).param(deviceId).query((rs, i) -> new OwnershipPeriod(rs.getLong("owner_account_id"),
                rs.getString("email"), (Long) rs.getObject("link_id"), (Integer) rs.getObject("link_epoch"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("start_reason"),
                instant(rs.getTimestamp("ended_at")), rs.getString("end_reason"), rs.getString("reason_text"))).list();
    }

    // --- transfers and moves

    Optional<Locked> lock(long deviceId) {
        return jdbc.sql("select id, vendor_id, owner_account_id, link_id, state, disabled_by from device where id = ? for update")
                .param(deviceId).query(LOCKED).optional();
    }

    /**
     * Gives the device to {@code ownerId} from {@code at}, through {@code linkId} (null: through no link);
     * it stays off if that household had turned it off.
     */
    void setOwner(long deviceId, long ownerId, Long linkId, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                update device set owner_account_id = :to, link_id = :link,
                    state = case when disabled_by = :to then 'DISABLED' else 'ACTIVE' end,
                    owner_since = :now, updated_at = :now, version = version + 1
                where id = :id
                """).param("to", ownerId).param("link", linkId, Types.BIGINT).param("now", now)
                .param("id", deviceId).update();
    }

    /** The ownership period an admin's transfer starts (a transfer through no link). */
    void startTransferredOwnership(long deviceId, long ownerId, Instant at, String reason) {
        jdbc.sql("""
                insert into device_ownership (device_id, owner_account_id, started_at, start_reason, reason_text)
                values (?, ?, ?, 'TRANSFERRED', ?)
                """).params(deviceId, ownerId, Timestamp.from(at), reason).update();
    }

    List<PendingMove> pendingMovesOf(long accountId) {
        return jdbc.sql("""
                select m.id, m.device_id, d.name as device_name, d.kind, v.name as vendor_name,
                       case when m.to_account_id = :me then l.external_account_id end as external_account_id,
                       m.requested_at, m.to_account_id = :me as incoming
                from device_move m join device d on d.id = m.device_id join vendor_directory v on v.id = m.vendor_id
                join link_directory l on l.id = m.to_link_id
                where m.status = 'PENDING' and (m.to_account_id = :me or m.from_account_id = :me)
                order by m.requested_at, m.id
                """).param("me", accountId).query(PendingMove.class).list();
    }

    Optional<MoveRequest> pendingMoveOf(long deviceId) {
        return jdbc.sql("""
                select m.id, m.device_id, d.name as device_name, v.name as vendor_name, fa.email as from_email,
                       ta.email as to_email, l.external_account_id as to_external_account_id,
                       (l.status = 'LIVE' and l.account_id = m.to_account_id) as to_link_live, m.requested_at
                from device_move m join device d on d.id = m.device_id join vendor_directory v on v.id = m.vendor_id
                join account_directory fa on fa.id = m.from_account_id join account_directory ta on ta.id = m.to_account_id
                join link_directory l on l.id = m.to_link_id
                where m.device_id = :device and m.status = 'PENDING'
                """).param("device", deviceId).query(MoveRequest.class).optional();
    }

    Optional<Move> lockPendingMove(long moveId) {
        return jdbc.sql("""
                select id, device_id, vendor_id, from_account_id, to_account_id, to_link_id from device_move
                where id = :id and status = 'PENDING' for update
                """).param("id", moveId).query(Move.class).optional();
    }

    /** The epoch of the claiming household's link, if it is still live and theirs, share-locked through the link module's view: an unlink of it waits until this move commits. */
    Optional<Integer> lockLiveLinkEpoch(long linkId, long accountId) {
        return jdbc.sql("""
                select epoch from link_directory where id = :link and account_id = :account and status = 'LIVE' for share
                """).param("link", linkId).param("account", accountId).query(Integer.class).optional();
    }

    Optional<Long> lockOwner(long deviceId) {
        List<Long> owners = jdbc.sql("select owner_account_id from device where id = :id for update")
                .param("id", deviceId).query(Long.class).list();
        return owners.isEmpty() ? Optional.empty() : Optional.ofNullable(owners.getFirst());
    }

    void settleMove(long moveId, String status, Instant at, long by, String resolution) {
        jdbc.sql("""
                update device_move set status = :status, resolved_at = :now, resolved_by = :by, resolution = :text
                where id = :id
                """).param("status", status).param("now", Timestamp.from(at)).param("by", by).param("text", resolution)
                .param("id", moveId).update();
    }

    // --- the vendor's reach (DeviceReach)

    Map<Long, Reach> reach(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        jdbc.sql("""
                select d.vendor_id, count(*) as devices,
                       count(*) filter (where d.kind in ('CAMERA', 'DOORBELL')) as cameras,
                       count(distinct d.owner_account_id) as device_households,
                       count(distinct d.owner_account_id) filter (where d.kind in ('CAMERA', 'DOORBELL')) as camera_households
                from device d left join account_directory a on a.id = d.owner_account_id
                where d.vendor_id in (:ids) and d.state <> 'REMOVED' and a.canary is not true
                group by d.vendor_id
                """).param("ids", vendorIds).query(rs -> {
                    result.put(rs.getLong("vendor_id"), new Reach(0, 0, rs.getLong("devices"), rs.getLong("cameras"), 0,
                            rs.getLong("device_households"), rs.getLong("camera_households")));
                });
        return result;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    void insertCanaryDevice(Long vendorId, String vendorDeviceId, DeviceKind kind, String name, long accountId,
                            Long linkId, Instant at) {
        jdbc.sql("""
                        insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                        values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .param(vendorId).param(vendorDeviceId).param(kind.name()).param(name).param(accountId)
                .param(linkId).param(Timestamp.from(at)).update();
    }

    /** The account's devices of the vendor and its platform devices, removed. */
    int removeDevicesOf(long accountId, long vendorId, Instant at) {
        return jdbc.sql("""
                        update device set state = 'REMOVED', updated_at = ? where owner_account_id = ?
                        and (vendor_id = ? or vendor_id is null) and state <> 'REMOVED'""")
                .param(Timestamp.from(at)).param(accountId).param(vendorId).update();
    }
}
