package io.bridgekeeper.device;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves of devices between households that a vendor's sync asked for (issue 16): the device is held
 * (state CONFLICT, decisions deny for both households) until the household whose vendor account lists
 * it confirms, or an admin resolves it either way. Each outcome is audited and written to the
 * ownership history.
 */
@Service
@Transactional(readOnly = true)
public class DeviceMoveService {

    /** How an admin resolves a pending move. */
    public enum Resolution {
        /** The device moves to the household whose vendor account lists it. */
        MOVE,
        /** The device stays with the household that owns it; this account's claim is not asked again. */
        KEEP
    }

    record Move(long id, long deviceId, long vendorId, long fromAccountId, long toAccountId, long toLinkId) {
    }

    private final JdbcClient jdbc;
    private final DeviceOwnership ownership;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    DeviceMoveService(JdbcClient jdbc, DeviceOwnership ownership, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in household's pending moves: those it may confirm, and those of its own devices. */
    @RolesAllowed(Roles.END_USER)
    public List<PendingMove> myPendingMoves() {
        return jdbc.sql("""
                select m.id, m.device_id, d.name as device_name, d.kind, v.name as vendor_name,
                       case when m.to_account_id = :me then l.external_account_id end as external_account_id,
                       m.requested_at, m.to_account_id = :me as incoming
                from device_move m join device d on d.id = m.device_id join vendor v on v.id = m.vendor_id
                join account_link l on l.id = m.to_link_id
                where m.status = 'PENDING' and (m.to_account_id = :me or m.from_account_id = :me)
                order by m.requested_at, m.id
                """).param("me", currentUser.id()).query(PendingMove.class).list();
    }

    /** The device's pending move, for the admin who resolves it; empty when there is none. */
    @RolesAllowed(Roles.ADMIN)
    public java.util.Optional<MoveRequest> pendingMoveOf(long deviceId) {
        return jdbc.sql("""
                select m.id, m.device_id, d.name as device_name, v.name as vendor_name, fa.email as from_email,
                       ta.email as to_email, l.external_account_id as to_external_account_id,
                       (l.status = 'LIVE' and l.account_id = m.to_account_id) as to_link_live, m.requested_at
                from device_move m join device d on d.id = m.device_id join vendor v on v.id = m.vendor_id
                join account fa on fa.id = m.from_account_id join account ta on ta.id = m.to_account_id
                join account_link l on l.id = m.to_link_id
                where m.device_id = :device and m.status = 'PENDING'
                """).param("device", deviceId).query(MoveRequest.class).optional();
    }

    /**
     * The household whose vendor account lists the device confirms: the device moves into its home.
     * Any other caller, the household that owns the device now included, gets "not found".
     */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public void confirm(long moveId) {
        Move m = pending(moveId).filter(move -> move.toAccountId() == currentUser.id())
                .orElseThrow(() -> DomainException.notFound("move-not-found", "No pending move " + moveId + " for your home."));
        complete(m, "moved by the vendor to another household's account; confirmed by the new household", "household");
    }

    /** An admin resolves a pending move either way, with a reason. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void resolve(long moveId, Resolution resolution, String reason) {
        if (resolution == null) {
            throw DomainException.invalidField("resolution-required", "resolution", "Choose whether the device moves.");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw DomainException.invalidField("reason-required", "reason", "Give a reason in 1 to 1000 characters.");
        }
        Move m = pending(moveId).orElseThrow(() -> DomainException.notFound("move-not-found",
                "No pending move " + moveId + "; it may have been resolved already."));
        if (resolution == Resolution.MOVE) {
            complete(m, "moved by the vendor to another household's account; resolved by an admin: " + text, "admin");
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update device_move set status = 'REJECTED', resolved_at = :now, resolved_by = :by, resolution = :text
                where id = :id
                """).param("now", now).param("by", currentUser.id()).param("text", text).param("id", m.id()).update();
        ownership.release(m.deviceId(), now);
        audit.record(DeviceAuditAction.DEVICE_MOVE_REJECTED, "device", m.deviceId(), m.vendorId(),
                Map.of("move", m.id(), "status", "PENDING", "owner", m.fromAccountId()),
                Map.of("status", "REJECTED", "owner", m.fromAccountId(), "claimedBy", m.toAccountId(), "reason", text));
    }

    private java.util.Optional<Move> pending(long moveId) {
        return jdbc.sql("""
                select id, device_id, vendor_id, from_account_id, to_account_id, to_link_id from device_move
                where id = :id and status = 'PENDING' for update
                """).param("id", moveId).query(Move.class).optional();
    }

    /** The device leaves its owner (if it still has one) and joins the claiming household through its link. */
    private void complete(Move m, String why, String by) {
        Integer epoch = jdbc.sql("""
                select epoch from account_link where id = :link and account_id = :account and status = 'LIVE' for update
                """).param("link", m.toLinkId()).param("account", m.toAccountId()).query(Integer.class).optional()
                .orElseThrow(() -> DomainException.conflict("move-link-ended", "The vendor account that lists this "
                        + "device is no longer linked, so the device cannot move there. An admin can keep it where it is."));
        List<Long> owners = jdbc.sql("select owner_account_id from device where id = :id for update")
                .param("id", m.deviceId()).query(Long.class).list();
        Long owner = owners.isEmpty() ? null : owners.getFirst();
        Timestamp now = Timestamp.from(clock.instant());
        if (owner != null) {
            ownership.endOwnership(m.deviceId(), "TRANSFERRED", why, now);
        }
        jdbc.sql("""
                update device set owner_account_id = :to, link_id = :link,
                    state = case when disabled_by = :to then 'DISABLED' else 'ACTIVE' end,
                    owner_since = :now, updated_at = :now, version = version + 1
                where id = :id
                """).param("to", m.toAccountId()).param("link", m.toLinkId()).param("now", now).param("id", m.deviceId())
                .update();
        ownership.startOwnership(m.deviceId(), new LinkedOwner(m.toLinkId(), m.toAccountId(), m.vendorId(), epoch),
                "TRANSFERRED", why, now);
        jdbc.sql("""
                update device_move set status = 'CONFIRMED', resolved_at = :now, resolved_by = :by, resolution = :why
                where id = :id
                """).param("now", now).param("by", currentUser.id()).param("why", why).param("id", m.id()).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("owner", owner);
        before.put("state", "CONFLICT");
        audit.record(DeviceAuditAction.DEVICE_MOVE_CONFIRMED, "device", m.deviceId(), m.vendorId(), before,
                Map.of("owner", m.toAccountId(), "link", m.toLinkId(), "move", m.id(), "confirmedBy", by));
    }
}
