package io.bridgekeeper.device;

import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Devices and their owners: the household's own view, the staff grids, and the admin's transfer. */
@Service
@Transactional(readOnly = true)
public class DeviceService {

    private static final String ROW_SELECT = """
            select d.id, d.vendor_id, coalesce(v.name, 'Platform') as vendor_name, d.vendor_device_id, d.kind, d.name,
                   d.owner_account_id, a.email as owner_email, d.link_id, d.state, d.owner_since
            from device d left join vendor v on v.id = d.vendor_id left join account a on a.id = d.owner_account_id
            """;
    private static final RowMapper<DeviceRow> ROW = (rs, i) -> new DeviceRow(rs.getLong("id"),
            (Long) rs.getObject("vendor_id"), rs.getString("vendor_name"), rs.getString("vendor_device_id"),
            DeviceKind.valueOf(rs.getString("kind")), rs.getString("name"), (Long) rs.getObject("owner_account_id"),
            rs.getString("owner_email"), (Long) rs.getObject("link_id"), DeviceState.valueOf(rs.getString("state")),
            instant(rs.getTimestamp("owner_since")));

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final DeviceOwnership ownership;
    private final AuditLog audit;
    private final Clock clock;

    DeviceService(NamedParameterJdbcTemplate named, CurrentUser currentUser, DeviceOwnership ownership, AuditLog audit,
                  Clock clock, VendorAccess access) {
        this.named = named;
        this.access = access;
        this.jdbc = named.getJdbcTemplate();
        this.currentUser = currentUser;
        this.ownership = ownership;
        this.audit = audit;
        this.clock = clock;
    }

    /** The devices the signed-in household owns now (never those of an earlier or another owner). */
    @RolesAllowed(Roles.END_USER)
    public List<HouseholdDevice> myDevices() {
        return named.query("""
                select d.id, d.vendor_id, coalesce(v.name, 'Platform') as vendor_name, d.kind, d.name, d.state
                from device d left join vendor v on v.id = d.vendor_id
                where d.owner_account_id = :account and d.state <> 'REMOVED'
                order by v.name nulls first, d.kind, d.name
                """, Map.of("account", currentUser.id()),
                (rs, i) -> new HouseholdDevice(rs.getLong("id"), (Long) rs.getObject("vendor_id"),
                        rs.getString("vendor_name"), DeviceKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        DeviceState.valueOf(rs.getString("state"))));
    }

    /** One of the household's own devices; any other id is "not found", whether or not it exists. */
    @RolesAllowed(Roles.END_USER)
    public HouseholdDeviceDetail myDevice(long deviceId) {
        long me = currentUser.id();
        List<HouseholdDevice> mine = myDevices();
        HouseholdDevice device = mine.stream().filter(d -> d.id() == deviceId).findFirst()
                .orElseThrow(() -> DomainException.notFound("device-not-found", "No device " + deviceId + " in your home."));
        Map<String, Object> row = jdbc.queryForMap(
                "select vendor_device_id, owner_since from device where id = ? and owner_account_id = ?", deviceId, me);
        List<HouseholdDevice> displays = device.kind().showsImages()
                ? mine.stream().filter(d -> d.kind() == DeviceKind.DISPLAY && d.state() == DeviceState.ACTIVE).toList()
                : List.of();
        Timestamp since = (Timestamp) row.get("owner_since");
        return new HouseholdDeviceDetail(device, (String) row.get("vendor_device_id"),
                since == null ? null : since.toInstant(), displays);
    }

    /**
     * A page of devices for staff, filtered, ordered by id, without a total count (a Slice): fast on a
     * million rows because every filter has an index that ends in id. Partner managers see only their
     * vendors' devices.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<DeviceRow> devices(DeviceFilter filter, Pageable page) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        scope(sql, args);
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
            sql.append(" and d.owner_account_id = (select id from account where lower(email) = lower(?))");
            args.add(filter.owner().strip());
        }
        sql.append(" order by d.id desc limit ? offset ?");
        args.add(Slices.fetchSize(page));
        args.add(page.getOffset());
        List<DeviceRow> rows = new ArrayList<>(jdbc.query(sql.toString(), ROW, args.toArray()).stream()
                .map(this::masked).toList());
        return Slices.of(rows, page);
    }

    /** The vendors the caller may filter the devices grid by: all for admins, their own for partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<VendorOption> vendorOptions() {
        StringBuilder sql = new StringBuilder("select id, name from vendor where true");
        List<Object> args = new ArrayList<>();
        access.scope().restrict("id", sql, args);
        return jdbc.query(sql.append(" order by name").toString(),
                (rs, i) -> new VendorOption(rs.getLong("id"), rs.getString("name")), args.toArray());
    }

    /** A device with its whole ownership history, for an admin or the vendor's partner manager. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public DeviceDetail detail(long deviceId) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where d.id = ?");
        List<Object> args = new ArrayList<>(List.of(deviceId));
        scope(sql, args);
        DeviceRow row = jdbc.query(sql.toString(), ROW, args.toArray()).stream().map(this::masked).findFirst()
                .orElseThrow(() -> DomainException.notFound("device-not-found", "No device " + deviceId + " for you."));
        List<OwnershipPeriod> history = jdbc.query("""
                select o.owner_account_id, a.email, o.link_id, o.link_epoch, o.started_at, o.start_reason, o.ended_at,
                       o.end_reason, o.reason_text
                from device_ownership o join account a on a.id = o.owner_account_id
                where o.device_id = ? order by o.started_at desc, o.id desc
                """, (rs, i) -> new OwnershipPeriod(rs.getLong("owner_account_id"), visibleEmail(rs.getString("email")),
                (Long) rs.getObject("link_id"), (Integer) rs.getObject("link_epoch"), rs.getTimestamp("started_at").toInstant(),
                rs.getString("start_reason"), instant(rs.getTimestamp("ended_at")), rs.getString("end_reason"),
                rs.getString("reason_text")), deviceId);
        return new DeviceDetail(row, history);
    }

    /**
     * Gives a device to another household, with a reason. The old owner loses it at once; the new owner's
     * period starts now, so nothing from before is theirs to see. The device leaves its link: a later
     * sync of the old vendor account does not take it back.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void transfer(long deviceId, String newOwnerEmail, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "Give a reason for the transfer.");
        }
        Map<String, Object> device = jdbc.queryForList(
                "select id, vendor_id, owner_account_id, link_id, state from device where id = ? for update", deviceId)
                .stream().findFirst().orElseThrow(() -> DomainException.notFound("device-not-found",
                        "No device " + deviceId + "."));
        if ("REMOVED".equals(device.get("state"))) {
            throw DomainException.conflict("device-removed", "A removed device cannot be transferred.");
        }
        Long newOwner = jdbc.query("""
                select a.id from account a join account_role r on r.account_id = a.id and r.role = 'END_USER'
                where lower(a.email) = lower(?)
                """, (rs, i) -> rs.getLong("id"), newOwnerEmail == null ? "" : newOwnerEmail.strip()).stream().findFirst()
                .orElseThrow(() -> DomainException.invalid("owner-not-found", "No household with e-mail '" + newOwnerEmail + "'."));
        Long oldOwner = (Long) device.get("owner_account_id");
        if (newOwner.equals(oldOwner)) {
            throw DomainException.conflict("same-owner", "That household already owns the device.");
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (oldOwner != null) {
            ownership.endOwnership(deviceId, "TRANSFERRED", reason.strip(), now);
        }
        ownership.withdrawPendingMove(deviceId, "an admin transferred the device", now);
        jdbc.update("""
                update device set owner_account_id = ?, link_id = null, owner_since = ?, updated_at = ?,
                    state = case when disabled_by = ? then 'DISABLED' else 'ACTIVE' end, version = version + 1
                where id = ?
                """, newOwner, now, now, newOwner, deviceId);
        jdbc.update("""
                insert into device_ownership (device_id, owner_account_id, started_at, start_reason, reason_text)
                values (?, ?, ?, 'TRANSFERRED', ?)
                """, deviceId, newOwner, now, reason.strip());
        Map<String, Object> before = new java.util.HashMap<>();
        before.put("owner", oldOwner);
        before.put("link", device.get("link_id"));
        audit.record(DeviceAuditAction.DEVICE_TRANSFERRED, "device", deviceId, (Long) device.get("vendor_id"), before,
                Map.of("owner", newOwner, "reason", reason.strip()));
    }

    /**
     * The household turns one of its own devices off: decisions answer DEVICE_DISABLED until it turns it
     * on again. The choice is the household's: it stays through unlink and relink, the vendor's syncs,
     * suspension and resume. Another household's device is "not found", whether or not it exists.
     */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public void disableMine(long deviceId) {
        Map<String, Object> d = lockMine(deviceId);
        if (d.get("disabled_by") instanceof Number by && by.longValue() == currentUser.id()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String state = jdbc.queryForObject("""
                update device set disabled_by = ?, disabled_at = ?,
                    state = case when state = 'ACTIVE' then 'DISABLED' else state end, updated_at = ?, version = version + 1
                where id = ? returning state
                """, String.class, currentUser.id(), now, now, deviceId);
        audit.record(DeviceAuditAction.DEVICE_DISABLED, "device", deviceId, (Long) d.get("vendor_id"),
                Map.of("state", d.get("state")), Map.of("state", state, "disabledBy", currentUser.id()));
    }

    /** The household turns one of its own devices on again (see {@link #disableMine}). */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public void enableMine(long deviceId) {
        Map<String, Object> d = lockMine(deviceId);
        if (d.get("disabled_by") == null && !"DISABLED".equals(d.get("state"))) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String state = jdbc.queryForObject("""
                update device set disabled_by = null, disabled_at = null,
                    state = case when state = 'DISABLED' then 'ACTIVE' else state end, updated_at = ?, version = version + 1
                where id = ? returning state
                """, String.class, now, deviceId);
        audit.record(DeviceAuditAction.DEVICE_ENABLED, "device", deviceId, (Long) d.get("vendor_id"),
                Map.of("state", d.get("state")), Map.of("state", state));
    }

    private Map<String, Object> lockMine(long deviceId) {
        return jdbc.queryForList("""
                select id, vendor_id, state, disabled_by from device
                where id = ? and owner_account_id = ? and state <> 'REMOVED' for update
                """, deviceId, currentUser.id()).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("device-not-found", "No device " + deviceId + " in your home."));
    }

    /**
     * Partner managers see a household's e-mail masked ("h•••@example.com"): enough to confirm a support
     * case with the household, not a list of addresses. Admins see it whole.
     */
    private String visibleEmail(String email) {
        if (email == null || currentUser.isAdmin()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }

    private DeviceRow masked(DeviceRow d) {
        return new DeviceRow(d.id(), d.vendorId(), d.vendorName(), d.vendorDeviceId(), d.kind(), d.name(),
                d.ownerAccountId(), visibleEmail(d.ownerEmail()), d.linkId(), d.state(), d.ownerSince());
    }

    /** Partner managers: only their vendors. */
    private void scope(StringBuilder sql, List<Object> args) {
        access.scope().restrict("d.vendor_id", sql, args);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
