package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each vendor's {@link ViolationPolicy}: {@code vendor.auto_suspend_on_violation} for proven evidence
 * and {@code vendor_violation_policy} (migration V090: a row per vendor, made with the vendor)
 * for claimed evidence. Admins and the vendor's partner managers see it; only an admin changes it,
 * audited.
 */
@Service
@Transactional
public class ViolationPolicyService {

    private final VendorStore store;
    private final VendorService vendors;
    private final VendorAccess access;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    ViolationPolicyService(VendorStore store, VendorService vendors, VendorAccess access, AuditLog audit,
                           CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.vendors = vendors;
        this.access = access;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The vendor's policy, for its page. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public ViolationPolicy view(long vendorId) {
        access.requireManage(vendorId);
        return read(vendorId);
    }

    /**
     * The vendor's policy, for the automatic rules that act on violations (they run without a signed-in
     * person: the decision path, the scheduler); no view or endpoint reaches it.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public ViolationPolicy current(long vendorId) {
        return read(vendorId);
    }

    /** An admin changes the policy; every field is checked before anything is written. */
    @RolesAllowed(Roles.ADMIN)
    public ViolationPolicy update(long vendorId, ViolationPolicy next) {
        vendors.find(vendorId);
        if (next == null) {
            throw DomainException.invalid("no-policy", new Refusal("refusal.vendor.no-policy"));
        }
        if (next.claimedThreshold() < 1 || next.claimedThreshold() > ViolationPolicy.MAX_THRESHOLD) {
            throw DomainException.invalidField("invalid-threshold", "claimedThreshold", new Refusal("refusal.vendor.invalid-threshold", String.valueOf(ViolationPolicy.MAX_THRESHOLD)));
        }
        Duration window = next.claimedWindow();
        if (window == null || window.compareTo(ViolationPolicy.MIN_WINDOW) < 0
                || window.compareTo(ViolationPolicy.MAX_WINDOW) > 0) {
            throw DomainException.invalidField("invalid-window", "claimedWindow", new Refusal("refusal.vendor.invalid-window"));
        }
        ViolationPolicy before = read(vendorId);
        store.saveViolationPolicy(vendorId, next, clock.instant(), currentUser.id());
        ViolationPolicy after = read(vendorId);
        audit.record(VendorAuditAction.VIOLATION_POLICY_CHANGED, "vendor", vendorId, vendorId, document(before), document(after));
        return after;
    }

    private ViolationPolicy read(long vendorId) {
        return store.violationPolicy(vendorId)
                .orElseThrow(() -> DomainException.notFound("vendor-not-found", new Refusal("refusal.vendor.vendor-not-found-2", String.valueOf(vendorId))));
    }

    private static Map<String, Object> document(ViolationPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provenSuspends", p.provenSuspends());
        m.put("claimedThreshold", p.claimedThreshold());
        m.put("claimedWindowSeconds", p.claimedWindow().toSeconds());
        m.put("claimedMaySuspend", p.claimedMaySuspend());
        return m;
    }
}
