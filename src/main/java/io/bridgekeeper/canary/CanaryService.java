package io.bridgekeeper.canary;

import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.security.Accounts;
import java.util.UUID;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.vendor.VendorStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Isolation canaries (issue 15, docs/canaries.md): synthetic households enrolled per vendor, each with a
 * camera and a display, whose stills the data plane's prober shows on their own display all day and
 * reports as observations ({@code probe: true}). A probe that shows another household's still is a
 * proven violation (the observation path halts and suspends); a canary that goes silent pauses the
 * vendor's rollout. Canaries are left out of every count of real households.
 */
@Service
@Transactional
public class CanaryService {

    /** One canary alone cannot receive another canary's still. */
    public static final int MIN_CANARIES = 2;
    public static final int MAX_PER_ENROLMENT = 10;

    private final CanaryStore store;
    private final Accounts accounts;
    private final LinkService links;
    private final DeviceService devices;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    CanaryService(CanaryStore store, VendorAccess access, CurrentUser currentUser, AuditLog audit, Clock clock,
                  Accounts accounts, LinkService links, DeviceService devices) {
        this.store = store;
        this.accounts = accounts;
        this.links = links;
        this.devices = devices;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Enrolls {@code count} new canary households; a vendor has none or at least two. */
    @RolesAllowed(Roles.ADMIN)
    public List<Long> enroll(long vendorId, int count) {
        CanaryStore.VendorRef vendor = store.vendor(vendorId);
        if (vendor == null) {
            throw DomainException.notFound("vendor-not-found", new Refusal("refusal.canary.vendor-not-found", String.valueOf(vendorId)));
        }
        if (vendor.status() == VendorStatus.RETIRED) {
            throw DomainException.conflict("vendor-retired", new Refusal("refusal.canary.vendor-retired", String.valueOf(vendor.slug())));
        }
        int existing = store.count(vendorId);
        if (count < 1 || count > MAX_PER_ENROLMENT || existing + count < MIN_CANARIES) {
            throw DomainException.invalidField("invalid-canary-count", "count", new Refusal(existing == 0
                    ? "refusal.canary.invalid-canary-count" : "refusal.canary.invalid-canary-count-more",
                    String.valueOf(MAX_PER_ENROLMENT)));
        }
        Instant now = clock.instant();
        List<Long> enrolled = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            enrolled.add(create(vendor, existing + i, now));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("canaries", existing + count);
        after.put("enrolledAccountIds", enrolled);
        audit.record(CanaryAuditAction.CANARIES_ENROLLED, "vendor", vendorId, vendorId, Map.of("canaries", existing), after);
        return enrolled;
    }

    /**
     * A synthetic household that cannot sign in (no role, an unusable password), marked canary, with a
     * live link to the vendor, one camera through it and one platform display. Returns its account id.
     */
    private long create(CanaryStore.VendorRef vendor, int number, Instant now) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long account = accounts.createCanary("canary-" + vendor.slug() + "-" + tag + "@canary.bridgekeeper.invalid",
                "Canary " + vendor.slug() + " #" + number);
        long link = links.linkCanary(account, vendor.id(), "canary-" + tag);
        devices.registerCanaryDevices(vendor.id(), tag, account, link);
        store.insert(vendor.id(), account, currentUser.id(), now);
        return account;
    }

    /** The canary's link ends and its devices are removed; it stays on the record as an account. */
    private boolean remove(long vendorId, long accountId) {
        if (!store.delete(vendorId, accountId)) {
            return false;
        }
        links.endCanaryLink(accountId, vendorId);
        devices.removeCanaryDevices(accountId, vendorId);
        return true;
    }

    /** Withdraws one canary: its link ends and its devices are removed. Never leaves exactly one. */
    @RolesAllowed(Roles.ADMIN)
    public void withdraw(long vendorId, long accountId) {
        int existing = store.count(vendorId);
        if (existing == MIN_CANARIES) {
            throw DomainException.conflict("last-canary-pair", new Refusal("refusal.canary.last-canary-pair"));
        }
        if (!remove(vendorId, accountId)) {
            throw DomainException.notFound("canary-not-found", new Refusal("refusal.canary.canary-not-found", String.valueOf(accountId)));
        }
        audit.record(CanaryAuditAction.CANARY_WITHDRAWN, "vendor", vendorId, vendorId, Map.of("canaries", existing, "accountId", accountId),
                Map.of("canaries", existing - 1));
    }

    /** Withdraws every canary of the vendor (what "withdraw" means when two are left). */
    @RolesAllowed(Roles.ADMIN)
    public int withdrawAll(long vendorId) {
        List<CanaryHousehold> all = store.health(vendorId, clock.instant(), store.silenceSeconds(vendorId));
        all.forEach(c -> remove(vendorId, c.accountId()));
        if (!all.isEmpty()) {
            audit.record(CanaryAuditAction.CANARY_WITHDRAWN, "vendor", vendorId, vendorId, Map.of("canaries", all.size()),
                    Map.of("canaries", 0));
        }
        return all.size();
    }

    /** The vendor's canaries and their probes; admins and the vendor's partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<CanaryHousehold> health(long vendorId) {
        access.requireManage(vendorId);
        return store.health(vendorId, clock.instant(), store.silenceSeconds(vendorId));
    }

    /** The canaries' probes per stage of one of the vendor's rollouts; admins and the vendor's partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<StageProbes> stages(long vendorId, long rolloutId) {
        access.requireManage(vendorId);
        return store.stages(vendorId, rolloutId);
    }

    /**
     * For the rollout guard (no signed-in person): the vendor's canaries silent at {@code now}, counting
     * silence from {@code since} at the earliest (a stage that has just started is given the whole limit).
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<CanaryHousehold> silent(long vendorId, Instant since, Instant now) {
        int limit = store.silenceSeconds(vendorId);
        Instant silentBefore = now.minusSeconds(limit);
        if (since != null && !since.isBefore(silentBefore)) {
            return List.of();
        }
        return store.health(vendorId, now, limit).stream()
                .filter(c -> (c.lastProbeAt() == null ? c.enrolledAt() : c.lastProbeAt()).isBefore(silentBefore))
                .toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public int silenceSeconds(long vendorId) {
        return store.silenceSeconds(vendorId);
    }
}
