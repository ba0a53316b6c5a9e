package io.bridgekeeper.device;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owns which device, and the history of it. Every change of owner ends the current
 * {@code device_ownership} row with a reason and starts the next. These operations run only inside
 * the transaction of a secured service (the link module's), which has already decided that the
 * caller may do this; they never run on their own.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DeviceOwnership {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final Pattern MODEL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    DeviceOwnership(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks every item before anything is written: the first bad one refuses the whole batch. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void validate(List<DeviceItem> items) {
        if (items == null) {
            throw DomainException.invalid("invalid-device", new Refusal("refusal.device.invalid-device"));
        }
        if (items.size() > MAX_BATCH) {
            throw DomainException.invalid("batch-too-large", new Refusal("refusal.device.batch-too-large", String.valueOf(MAX_BATCH)));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            DeviceItem item = items.get(i);
            if (item == null) {
                throw new InvalidDeviceItem(i, "id", "the item is empty.");
            }
            if (item.id() == null || !DEVICE_ID.matcher(item.id()).matches()) {
                throw new InvalidDeviceItem(i, "id", "a device id is 1 to 200 letters, digits or . _ : - "
                        + "and starts with a letter or digit.");
            }
            if (!seen.add(item.id())) {
                throw new InvalidDeviceItem(i, "id", "device id '" + item.id() + "' appears twice in the batch.");
            }
            if (item.kind() == null || !DeviceKind.isKnown(item.kind())) {
                throw new InvalidDeviceItem(i, "kind", "unknown kind '" + item.kind() + "'; one of " + DeviceKind.names()
                        + ".");
            }
            if (item.name() == null || item.name().isBlank() || item.name().length() > 200) {
                throw new InvalidDeviceItem(i, "name", "a name is 1 to 200 characters.");
            }
            if (item.model() != null && !MODEL_CODE.matcher(item.model().strip()).matches()) {
                throw new InvalidDeviceItem(i, "model", "a model is the id of a model the vendor registered: 1 to 64 "
                        + "letters, digits or . _ - starting with a letter or digit.");
            }
        }
    }

    /** Every model an item names must be one the vendor registered (POST /api/partner/v1/models). */
    private void requireRegisteredModels(long vendorId, List<DeviceItem> items) {
        String[] named = items.stream().map(DeviceOwnership::model).filter(java.util.Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (named.length == 0) {
            return;
        }
        Set<String> known = new HashSet<>(jdbc.queryForList(
                "select code from device_model_directory where vendor_id = ? and code = any (?)", String.class,
                vendorId, named));
        for (int i = 0; i < items.size(); i++) {
            String model = model(items.get(i));
            if (model != null && !known.contains(model)) {
                throw new InvalidDeviceItem(i, "model", "unknown model '" + model + "'; register it first "
                        + "(POST /api/partner/v1/models).");
            }
        }
    }

    private static String model(DeviceItem item) {
        return item.model() == null || item.model().isBlank() ? null : item.model().strip();
    }

    /**
     * Makes the link's devices exactly {@code items}: new ones are added, renamed ones renamed, missing
     * ones removed, devices the vendor moved here from another of its accounts change owner. Validates
     * first, so a bad item writes nothing.
     */
    public SyncResult sync(LinkedOwner link, List<DeviceItem> items) {
        validate(items);
        requireRegisteredModels(link.vendorId(), items);
        Timestamp now = Timestamp.from(clock.instant());
        record Existing(long id, String vendorDeviceId, String kind, String name, String model, Long owner, Long linkId,
                        String state) {
        }
        Map<String, Existing> existing = new HashMap<>();
        List<String> ids = items.stream().map(DeviceItem::id).toList();
        jdbc.query("""
                select id, vendor_device_id, kind, name, model_code, owner_account_id, link_id, state from device
                where vendor_id = ? and (link_id = ? or vendor_device_id = any (?)) order by id for update
                """, rs -> {
                    existing.put(rs.getString("vendor_device_id"), new Existing(rs.getLong("id"),
                            rs.getString("vendor_device_id"), rs.getString("kind"), rs.getString("name"),
                            rs.getString("model_code"),
                            (Long) rs.getObject("owner_account_id"), (Long) rs.getObject("link_id"), rs.getString("state")));
                }, link.vendorId(), link.linkId(), ids.toArray(String[]::new));

        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int unchanged = 0;
        for (DeviceItem item : items) {
            String kind = item.kind().toUpperCase();
            String name = item.name().strip();
            String model = model(item);
            Existing d = existing.get(item.id());
            if (d == null) {
                Long id = jdbc.queryForObject("""
                        insert into device (vendor_id, vendor_device_id, kind, name, model_code, owner_account_id, link_id,
                                            state, owner_since, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) returning id
                        """, Long.class, link.vendorId(), item.id(), kind, name, model, link.accountId(), link.linkId(),
                        now, now, now);
                startOwnership(id, link, "LINKED", null, now);
                added.add(item.id());
            } else if (d.linkId() == null) {
                skipped.add(item.id());
            } else if (d.linkId() == link.linkId() && d.owner() != null && d.owner() == link.accountId()
                    && !"REMOVED".equals(d.state())) {
                if (d.kind().equals(kind) && d.name().equals(name) && java.util.Objects.equals(d.model(), model)) {
                    unchanged++;
                } else {
                    jdbc.update("update device set kind = ?, name = ?, model_code = ?, updated_at = ?, version = version + 1 "
                            + "where id = ?", kind, name, model, now, d.id());
                    updated.add(item.id());
                }
            } else if (d.owner() != null && d.owner() != link.accountId()) {
                // another household owns it: the vendor's word alone moves nothing (issue 16); the device is
                // held until the new household confirms or an admin resolves it
                // an admin already kept it with its household against this account's claim: not again
                (requestMove(d.id(), d.owner(), link, now) ? pending : skipped).add(item.id());
            } else {
                // back after a removal or an unlink of this link, or moved here from another of the same
                // household's vendor accounts; a choice the household made (disabled) comes back with it
                boolean fromElsewhere = d.linkId() != link.linkId();
                if (d.owner() != null) {
                    endOwnership(d.id(), "TRANSFERRED", "moved by the vendor to another of its accounts", now);
                }
                withdrawPendingMove(d.id(), "the device came back to a household's account without an owner", now);
                jdbc.update("""
                        update device set kind = ?, name = ?, model_code = ?, owner_account_id = ?, link_id = ?,
                            state = case when disabled_by = ? then 'DISABLED' else 'ACTIVE' end,
                            owner_since = ?, updated_at = ?, version = version + 1
                        where id = ?
                        """, kind, name, model, link.accountId(), link.linkId(), link.accountId(), now, now, d.id());
                startOwnership(d.id(), link, "LINKED", null, now);
                (fromElsewhere ? moved : added).add(item.id());
            }
        }
        Set<String> listed = new HashSet<>(ids);
        // moves this account asked for earlier, for devices it no longer lists: the vendor took them back
        jdbc.query("""
                select m.device_id, d.vendor_device_id from device_move m join device d on d.id = m.device_id
                where m.to_link_id = ? and m.status = 'PENDING'
                """, rs -> {
                    if (!listed.contains(rs.getString("vendor_device_id"))) {
                        withdrawPendingMove(rs.getLong("device_id"), "no longer reported by the vendor under the new account", now);
                    }
                }, link.linkId());
        for (Existing d : existing.values()) {
            if (d.linkId() != null && d.linkId() == link.linkId() && !"REMOVED".equals(d.state())
                    && !listed.contains(d.vendorDeviceId())) {
                if (d.owner() != null) {
                    endOwnership(d.id(), "REMOVED", "no longer reported by the vendor", now);
                }
                jdbc.update("""
                        update device set state = 'REMOVED', owner_account_id = null, owner_since = null,
                            updated_at = ?, version = version + 1
                        where id = ?
                        """, now, d.id());
                removed.add(d.vendorDeviceId());
            }
        }
        SyncResult result = new SyncResult(added, updated, moved, removed, unchanged, skipped, pending);
        if (!added.isEmpty() || !updated.isEmpty() || !moved.isEmpty() || !removed.isEmpty() || !pending.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("added", added);
            after.put("updated", updated);
            after.put("moved", moved);
            after.put("removed", removed);
            after.put("pendingConfirmation", pending);
            after.put("owner", link.accountId());
            audit.record(DeviceAuditAction.DEVICES_SYNCED, "account_link", link.linkId(), link.vendorId(), null, after);
        }
        return result;
    }

    /** Ends the household's ownership of every device that came through the link (the link is ending). */
    public List<DeviceRef> releaseLink(long linkId, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        List<DeviceRef> devices = jdbc.query("""
                select id, vendor_id, vendor_device_id, kind, name, link_id from device
                where link_id = ? and owner_account_id is not null for update
                """, DeviceOwnership::ref, linkId);
        for (DeviceRef d : devices) {
            endOwnership(d.id(), "UNLINKED", reason, now);
        }
        jdbc.update("""
                update device set owner_account_id = null, owner_since = null, updated_at = ?, version = version + 1
                where link_id = ? and owner_account_id is not null
                """, now, linkId);
        if (!devices.isEmpty()) {
            audit.record(DeviceAuditAction.DEVICES_RELEASED, "account_link", linkId, devices.getFirst().vendorId(), null,
                    Map.of("devices", devices.stream().map(DeviceRef::vendorDeviceId).toList(), "reason", reason));
        }
        return devices;
    }

    /** The devices that came through a link and are owned through it now. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<DeviceRef> devicesOfLink(long linkId) {
        return jdbc.query("""
                select id, vendor_id, vendor_device_id, kind, name, link_id from device
                where link_id = ? and owner_account_id is not null and state <> 'REMOVED' order by kind, name
                """, DeviceOwnership::ref, linkId);
    }

    /** The device, when {@code accountId} owns it now; otherwise "not found", whether or not it exists. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public DeviceRef requireOwned(long deviceId, long accountId) {
        return jdbc.query("""
                select id, vendor_id, vendor_device_id, kind, name, link_id from device
                where id = ? and owner_account_id = ? and state <> 'REMOVED' for update
                """, DeviceOwnership::ref, deviceId, accountId).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("device-not-found", new Refusal("refusal.device.device-not-found", String.valueOf(deviceId))));
    }

    /**
     * Detaches one device from its household and its link: the household's choice, so a later sync of
     * the link does not take it back.
     */
    public void detach(DeviceRef device, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        endOwnership(device.id(), "UNLINKED", reason, now);
        jdbc.update("""
                update device set owner_account_id = null, owner_since = null, link_id = null, state = 'REMOVED',
                    updated_at = ?, version = version + 1
                where id = ?
                """, now, device.id());
        audit.record(DeviceAuditAction.DEVICE_DETACHED, "device", device.id(), device.vendorId(),
                Map.of("link", device.linkId()), Map.of("link", "none", "reason", reason));
    }

    /**
     * Holds the device for a move to the link's household: one pending move per device (a second
     * household's claim while one is pending holds it too, and waits for an admin). Decisions deny for
     * both households while it is held. False when an admin refused this link's claim before.
     */
    private boolean requestMove(long deviceId, long fromAccount, LinkedOwner link, Timestamp now) {
        Boolean refused = jdbc.queryForObject("""
                select exists (select 1 from device_move where device_id = ? and to_link_id = ? and status = 'REJECTED')
                """, Boolean.class, deviceId, link.linkId());
        if (Boolean.TRUE.equals(refused)) {
            return false;
        }
        Long pending = jdbc.query("select id from device_move where device_id = ? and status = 'PENDING' for update",
                (rs, i) -> rs.getLong("id"), deviceId).stream().findFirst().orElse(null);
        if (pending != null) {
            return true;
        }
        long move = jdbc.queryForObject("""
                insert into device_move (device_id, vendor_id, from_account_id, to_account_id, to_link_id, requested_at,
                                         status)
                values (?, ?, ?, ?, ?, ?, 'PENDING') returning id
                """, Long.class, deviceId, link.vendorId(), fromAccount, link.accountId(), link.linkId(), now);
        jdbc.update("update device set state = 'CONFLICT', updated_at = ?, version = version + 1 where id = ?",
                now, deviceId);
        audit.record(DeviceAuditAction.DEVICE_MOVE_REQUESTED, "device", deviceId, link.vendorId(), Map.of("owner", fromAccount),
                Map.of("move", move, "state", "CONFLICT", "requestedFor", link.accountId(), "link", link.linkId()));
        return true;
    }

    /** Ends the device's pending move, if any, without moving it; the device is no longer held. */
    void withdrawPendingMove(long deviceId, String why, Timestamp now) {
        List<long[]> moves = jdbc.query("""
                update device_move set status = 'WITHDRAWN', resolved_at = ?, resolution = ?
                where device_id = ? and status = 'PENDING' returning id, vendor_id
                """, (rs, i) -> new long[] {rs.getLong("id"), rs.getLong("vendor_id")}, now, why, deviceId);
        if (!moves.isEmpty()) {
            release(deviceId, now);
            audit.record(DeviceAuditAction.DEVICE_MOVE_WITHDRAWN, "device", deviceId, moves.getFirst()[1],
                    Map.of("move", moves.getFirst()[0], "status", "PENDING"), Map.of("status", "WITHDRAWN", "reason", why));
        }
    }

    /** A held device is no longer held: active again, or disabled when its owner had chosen that. */
    void release(long deviceId, Timestamp now) {
        jdbc.update("""
                update device set state = case when disabled_by = owner_account_id then 'DISABLED' else 'ACTIVE' end,
                    updated_at = ?, version = version + 1
                where id = ? and state = 'CONFLICT'
                """, now, deviceId);
    }

    /** A vendor's device id as the partner API accepts it. */
    public static boolean isValidDeviceId(String id) {
        return id != null && DEVICE_ID.matcher(id).matches();
    }

    void startOwnership(long deviceId, LinkedOwner link, String reason, String text, Timestamp at) {
        jdbc.update("""
                insert into device_ownership (device_id, owner_account_id, link_id, link_epoch, started_at, start_reason,
                                              reason_text)
                values (?, ?, ?, ?, ?, ?, ?)
                """, deviceId, link.accountId(), link.linkId(), link.epoch(), at, reason, text);
    }

    void endOwnership(long deviceId, String reason, String text, Timestamp at) {
        jdbc.update("""
                update device_ownership set ended_at = ?, end_reason = ?,
                    reason_text = coalesce(reason_text || '; ', '') || ?
                where device_id = ? and ended_at is null
                """, at, reason, text, deviceId);
    }

    static DeviceRef ref(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new DeviceRef(rs.getLong("id"), (Long) rs.getObject("vendor_id"), rs.getString("vendor_device_id"),
                DeviceKind.valueOf(rs.getString("kind")), rs.getString("name"), (Long) rs.getObject("link_id"));
    }
}
