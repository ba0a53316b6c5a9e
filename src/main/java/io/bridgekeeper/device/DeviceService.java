package io.bridgekeeper.device;

import java.time.Instant;
import jakarta.annotation.security.PermitAll;
import io.bridgekeeper.security.Role;
import io.bridgekeeper.security.Accounts;
import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Devices and their owners: the household's own view, the staff grids, and the admin's transfer. */
@Service
@Transactional(readOnly = true)
public class DeviceService {

    private final DeviceStore store;
    private final Accounts accounts;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final DeviceOwnership ownership;
    private final AuditLog audit;
    private final Clock clock;

    DeviceService(DeviceStore store, CurrentUser currentUser, DeviceOwnership ownership, AuditLog audit,
                  Clock clock, VendorAccess access, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
        this.access = access;
        this.currentUser = currentUser;
        this.ownership = ownership;
        this.audit = audit;
        this.clock = clock;
    }

    /** The devices the signed-in household owns now (never those of an earlier or another owner). */
    @RolesAllowed(Roles.END_USER)
    public List<HouseholdDevice> myDevices() {
        return store.devicesOf(currentUser.id());
    }

    /** One of the household's own devices; any other id is "not found", whether or not it exists. */
    @RolesAllowed(Roles.END_USER)
    public HouseholdDeviceDetail myDevice(long deviceId) {
        long me = currentUser.id();
        List<HouseholdDevice> mine = myDevices();
        HouseholdDevice device = mine.stream().filter(d -> d.id() == deviceId).findFirst()
                .orElseThrow(() -> DomainException.notFound("device-not-found", new Refusal("refusal.device.device-not-found", String.valueOf(deviceId))));
        DeviceStore.Ownership row = store.ownershipOf(deviceId, me).orElseThrow(
                () -> DomainException.notFound("device-not-found", new Refusal("refusal.device.device-not-found", String.valueOf(deviceId))));
        List<HouseholdDevice> displays = device.kind().showsImages()
                ? mine.stream().filter(d -> d.kind() == DeviceKind.DISPLAY && d.state() == DeviceState.ACTIVE).toList()
                : List.of();
        return new HouseholdDeviceDetail(device, row.vendorDeviceId(), row.ownerSince(), displays, row.modelCode());
    }

    /**
     * A page of devices for staff, filtered, ordered by id, without a total count (a Slice): fast on a
     * million rows because every filter has an index that ends in id. Partner managers see only their
     * vendors' devices.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<DeviceRow> devices(DeviceFilter filter, Pageable page) {
        return devices(filter, page, null);
    }

    /**
     * The same page read by key: when {@code afterId} is set, the page's rows are those after that id (the
     * last one of the previous page), and the page's offset is not used. A scrolling grid reads this way,
     * so a deep page costs what the first costs.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<DeviceRow> devices(DeviceFilter filter, Pageable page, Long afterId) {
        List<DeviceRow> rows = new ArrayList<>(store.page(access.scope(), filter, page, afterId).stream()
                .map(this::masked).toList());
        return Slices.of(rows, page);
    }

    /**
     * Devices whose vendor device id is exactly {@code text}, or whose platform id it is ("#42", "42"), among
     * those the caller may see (partner managers: their vendors'), owners masked as in the grid.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<DeviceRow> find(String text, int limit) {
        return store.find(access.scope(), text.strip(), Math.clamp(limit, 1, 50)).stream().map(this::masked).toList();
    }

    /** The vendors the caller may filter the devices grid by: all for admins, their own for partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<VendorOption> vendorOptions() {
        return store.vendorOptions(access.scope());
    }

    /** A device with its whole ownership history, for an admin or the vendor's partner manager. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public DeviceDetail detail(long deviceId) {
        DeviceRow row = store.row(access.scope(), deviceId).map(this::masked)
                .orElseThrow(() -> DomainException.notFound("device-not-found", new Refusal("refusal.device.device-not-found-2", String.valueOf(deviceId))));
        List<OwnershipPeriod> history = store.history(deviceId).stream().map(o -> new OwnershipPeriod(o.ownerAccountId(),
                visibleEmail(o.ownerEmail()), o.linkId(), o.linkEpoch(), o.startedAt(), o.startReason(), o.endedAt(),
                o.endReason(), o.reasonText())).toList();
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
            throw DomainException.invalid("reason-required", new Refusal("refusal.device.reason-required-2"));
        }
        DeviceStore.Locked device = store.lock(deviceId).orElseThrow(() -> DomainException.notFound("device-not-found", new Refusal("refusal.device.device-not-found-3", String.valueOf(deviceId))));
        if (device.state() == DeviceState.REMOVED) {
            throw DomainException.conflict("device-removed", new Refusal("refusal.device.device-removed"));
        }
        Long newOwner = accounts.withRole(newOwnerEmail, Role.END_USER, false).orElseThrow(() -> DomainException.invalid("owner-not-found", new Refusal("refusal.device.owner-not-found", String.valueOf(newOwnerEmail))));
        Long oldOwner = device.ownerAccountId();
        if (newOwner.equals(oldOwner)) {
            throw DomainException.conflict("same-owner", new Refusal("refusal.device.same-owner"));
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (oldOwner != null) {
            ownership.endOwnership(deviceId, "TRANSFERRED", reason.strip(), now);
        }
        ownership.withdrawPendingMove(deviceId, "an admin transferred the device", now);
        store.setOwner(deviceId, newOwner, null, now.toInstant());
        store.startTransferredOwnership(deviceId, newOwner, now.toInstant(), reason.strip());
        Map<String, Object> before = new java.util.HashMap<>();
        before.put("owner", oldOwner);
        before.put("link", device.linkId());
        audit.record(DeviceAuditAction.DEVICE_TRANSFERRED, "device", deviceId, device.vendorId(), before,
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
        DeviceStore.Locked d = lockMine(deviceId);
        if (d.disabledBy() != null && d.disabledBy() == currentUser.id()) {
            return;
        }
        DeviceState state = store.disable(deviceId, currentUser.id(), clock.instant());
        audit.record(DeviceAuditAction.DEVICE_DISABLED, "device", deviceId, d.vendorId(),
                Map.of("state", d.state().name()), Map.of("state", state.name(), "disabledBy", currentUser.id()));
    }

    /** The household turns one of its own devices on again (see {@link #disableMine}). */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public void enableMine(long deviceId) {
        DeviceStore.Locked d = lockMine(deviceId);
        if (d.disabledBy() == null && d.state() != DeviceState.DISABLED) {
            return;
        }
        DeviceState state = store.enable(deviceId, clock.instant());
        audit.record(DeviceAuditAction.DEVICE_ENABLED, "device", deviceId, d.vendorId(),
                Map.of("state", d.state().name()), Map.of("state", state.name()));
    }

    private DeviceStore.Locked lockMine(long deviceId) {
        return store.lockOwned(deviceId, currentUser.id())
                .orElseThrow(() -> DomainException.notFound("device-not-found", new Refusal("refusal.device.device-not-found", String.valueOf(deviceId))));
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

    /**
     * A canary household's two devices (system-side, for the canary module's enrolment, which checks its
     * caller): a camera of the vendor through the canary's link, and a platform display. No ownership
     * period is recorded: a canary is nobody's household.
     */
    @PermitAll
    @Transactional
    public void registerCanaryDevices(long vendorId, String tag, long accountId, long linkId) {
        Instant now = clock.instant();
        store.insertCanaryDevice(vendorId, "canary-cam-" + tag, DeviceKind.CAMERA, "Canary camera", accountId, linkId, now);
        store.insertCanaryDevice(null, "canary-display-" + tag, DeviceKind.DISPLAY, "Canary display", accountId, null, now);
        audit.record(DeviceAuditAction.CANARY_DEVICES_REGISTERED, "account", accountId, vendorId, null,
                Map.of("camera", "canary-cam-" + tag, "display", "canary-display-" + tag, "linkId", linkId));
    }

    /** Removes a canary household's devices of the vendor and its platform devices (system-side). */
    @PermitAll
    @Transactional
    public void removeCanaryDevices(long accountId, long vendorId) {
        int removed = store.removeDevicesOf(accountId, vendorId, clock.instant());
        audit.record(DeviceAuditAction.CANARY_DEVICES_REMOVED, "account", accountId, vendorId, null,
                Map.of("devicesRemoved", removed));
    }

    private DeviceRow masked(DeviceRow d) {
        return new DeviceRow(d.id(), d.vendorId(), d.vendorName(), d.vendorDeviceId(), d.kind(), d.name(),
                d.ownerAccountId(), visibleEmail(d.ownerEmail()), d.linkId(), d.state(), d.ownerSince());
    }
}
