package io.bridgekeeper.device;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.device.DeviceStore.Move;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final DeviceStore store;
    private final DeviceOwnership ownership;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    DeviceMoveService(DeviceStore store, DeviceOwnership ownership, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.ownership = ownership;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in household's pending moves: those it may confirm, and those of its own devices. */
    @RolesAllowed(Roles.END_USER)
    public List<PendingMove> myPendingMoves() {
        return store.pendingMovesOf(currentUser.id());
    }

    /** The device's pending move, for the admin who resolves it; empty when there is none. */
    @RolesAllowed(Roles.ADMIN)
    public java.util.Optional<MoveRequest> pendingMoveOf(long deviceId) {
        return store.pendingMoveOf(deviceId);
    }

    /**
     * The household whose vendor account lists the device confirms: the device moves into its home.
     * Any other caller, the household that owns the device now included, gets "not found".
     */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public void confirm(long moveId) {
        Move m = pending(moveId).filter(move -> move.toAccountId() == currentUser.id())
                .orElseThrow(() -> DomainException.notFound("move-not-found", new Refusal("refusal.device.move-not-found", String.valueOf(moveId))));
        complete(m, "moved by the vendor to another household's account; confirmed by the new household", "household");
    }

    /** An admin resolves a pending move either way, with a reason. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void resolve(long moveId, Resolution resolution, String reason) {
        if (resolution == null) {
            throw DomainException.invalidField("resolution-required", "resolution", new Refusal("refusal.device.resolution-required"));
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw DomainException.invalidField("reason-required", "reason", new Refusal("refusal.device.reason-required"));
        }
        Move m = pending(moveId).orElseThrow(() -> DomainException.notFound("move-not-found", new Refusal("refusal.device.move-not-found-2", String.valueOf(moveId))));
        if (resolution == Resolution.MOVE) {
            complete(m, "moved by the vendor to another household's account; resolved by an admin: " + text, "admin");
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        store.settleMove(m.id(), "REJECTED", now.toInstant(), currentUser.id(), text);
        ownership.release(m.deviceId(), now);
        audit.record(DeviceAuditAction.DEVICE_MOVE_REJECTED, "device", m.deviceId(), m.vendorId(),
                Map.of("move", m.id(), "status", "PENDING", "owner", m.fromAccountId()),
                Map.of("status", "REJECTED", "owner", m.fromAccountId(), "claimedBy", m.toAccountId(), "reason", text));
    }

    private java.util.Optional<Move> pending(long moveId) {
        return store.lockPendingMove(moveId);
    }

    /** The device leaves its owner (if it still has one) and joins the claiming household through its link. */
    private void complete(Move m, String why, String by) {
        int epoch = store.lockLiveLinkEpoch(m.toLinkId(), m.toAccountId()).orElseThrow(() -> DomainException.conflict("move-link-ended", new Refusal("refusal.device.move-link-ended")));
        Long owner = store.lockOwner(m.deviceId()).orElse(null);
        Timestamp now = Timestamp.from(clock.instant());
        if (owner != null) {
            ownership.endOwnership(m.deviceId(), "TRANSFERRED", why, now);
        }
        store.setOwner(m.deviceId(), m.toAccountId(), m.toLinkId(), now.toInstant());
        ownership.startOwnership(m.deviceId(), new LinkedOwner(m.toLinkId(), m.toAccountId(), m.vendorId(), epoch),
                "TRANSFERRED", why, now);
        store.settleMove(m.id(), "CONFIRMED", now.toInstant(), currentUser.id(), why);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("owner", owner);
        before.put("state", "CONFLICT");
        audit.record(DeviceAuditAction.DEVICE_MOVE_CONFIRMED, "device", m.deviceId(), m.vendorId(), before,
                Map.of("owner", m.toAccountId(), "link", m.toLinkId(), "move", m.id(), "confirmedBy", by));
    }
}
