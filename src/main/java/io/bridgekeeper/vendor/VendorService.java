package io.bridgekeeper.vendor;

import io.bridgekeeper.security.Role;
import io.bridgekeeper.security.Accounts;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors: onboarding, status, webhook URL, partner managers. Admins reach every vendor, partner
 * managers only the vendors assigned to them (a foreign vendor answers "not found").
 */
@Service
@Transactional
public class VendorService {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final VendorRepository vendors;
    private final VendorReach reach;
    private final VendorStore queries;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookTargets webhookTargets;
    private final SecretSealer sealer;
    private final Accounts accounts;

    VendorService(VendorRepository vendors, VendorReach reach, VendorStore queries, VendorAccess access,
                  CurrentUser currentUser, AuditLog audit, Clock clock, WebhookTargets webhookTargets,
                  SecretSealer sealer, Accounts accounts) {
        this.accounts = accounts;
        this.webhookTargets = webhookTargets;
        this.sealer = sealer;
        this.vendors = vendors;
        this.reach = reach;
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public Map<VendorStatus, Long> countByStatus() {
        Map<VendorStatus, Long> counts = new EnumMap<>(VendorStatus.class);
        for (VendorStatus status : VendorStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : vendors.countByStatus()) {
            counts.put((VendorStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The vendors assigned to the signed-in partner manager. */
    @RolesAllowed(Roles.PARTNER_MANAGER)
    @Transactional(readOnly = true)
    public List<VendorSummary> myVendors() {
        List<Vendor> mine = vendors.findManagedBy(currentUser.id());
        Map<Long, ReachCounter.Reach> counts = reach.of(mine.stream().map(Vendor::getId).toList());
        return mine.stream().map(v -> summary(v, counts.get(v.getId()))).toList();
    }

    /** One page of the vendor grid, filtered and sorted in the query; no total count. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public Slice<VendorRow> search(VendorFilter filter, Pageable page) {
        return queries.search(filter == null ? VendorFilter.none() : filter, page);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public VendorDetail detail(long vendorId) {
        access.requireManage(vendorId);
        Vendor v = find(vendorId);
        ReachCounter.Reach counts = reach.of(vendorId);
        return new VendorDetail(v.getId(), v.getSlug(), v.getName(), v.getStatus(), v.getCapabilities(),
                v.getWebhookUrl(), v.getVersion(), counts.households(), counts.liveLinks(), counts.devices(),
                queries.partnerManagers(vendorId));
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public boolean isSlugTaken(String slug) {
        return slug != null && vendors.existsBySlug(slug.trim());
    }

    @RolesAllowed(Roles.ADMIN)
    public long create(NewVendor input) {
        String slug = input.slug() == null ? "" : input.slug().trim();
        if (!SLUG.matcher(slug).matches() || slug.length() > 63) {
            throw DomainException.invalidField("invalid-slug", "slug", new Refusal("refusal.vendor.invalid-slug"));
        }
        if (vendors.existsBySlug(slug)) {
            throw DomainException.conflictOnField("slug-taken", "slug", new Refusal("refusal.vendor.slug-taken", String.valueOf(slug)));
        }
        String name = input.name() == null ? "" : input.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalidField("invalid-name", "name", new Refusal("refusal.vendor.invalid-name"));
        }
        TextRules.requireCleanName("name", name);
        if (input.capabilities() == null || input.capabilities().isEmpty()) {
            throw DomainException.invalidField("no-capability", "capabilities", new Refusal("refusal.vendor.no-capability"));
        }
        // a vendor may be onboarded before it has an endpoint; once set, the URL can be changed but not cleared
        String webhook = input.webhookUrl() == null || input.webhookUrl().isBlank() ? null
                : validatedWebhookUrl(input.webhookUrl());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // stored sealed (V105): the database never holds the webhook secret in clear
        Vendor saved = vendors.saveAndFlush(new Vendor(slug, name, input.capabilities(), webhook,
                sealer.seal(HexFormat.of().formatHex(secret)), clock.instant()));
        audit.record(VendorAuditAction.VENDOR_CREATED, "vendor", saved.getId(), saved.getId(), null, state(saved));
        return saved.getId();
    }

    /** ONBOARDING → ACTIVE. */
    @RolesAllowed(Roles.ADMIN)
    public void activate(long vendorId, long expectedVersion) {
        move(vendorId, expectedVersion, VendorStatus.ACTIVE, VendorStatus.ONBOARDING, VendorAuditAction.VENDOR_ACTIVATED);
    }

    /** SUSPENDED → RETIRED: the integration ends for good. */
    @RolesAllowed(Roles.ADMIN)
    public void retire(long vendorId, long expectedVersion) {
        move(vendorId, expectedVersion, VendorStatus.RETIRED, VendorStatus.SUSPENDED, VendorAuditAction.VENDOR_RETIRED);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public void updateWebhookUrl(long vendorId, long expectedVersion, String url) {
        access.requireManage(vendorId);
        String valid = validatedWebhookUrl(url);
        Vendor v = findForUpdate(vendorId, expectedVersion);
        Map<String, Object> before = state(v);
        v.setWebhookUrl(valid, clock.instant());
        flush(v);
        audit.record(VendorAuditAction.VENDOR_WEBHOOK_CHANGED, "vendor", vendorId, vendorId, before, state(v));
    }

    /** The vendor itself sets its webhook URL through the partner API (same rules as the portal). */
    @RolesAllowed(Roles.VENDOR)
    public String updateOwnWebhookUrl(long vendorId, String url) {
        String valid = validatedWebhookUrl(url);
        Vendor v = find(vendorId);
        Map<String, Object> before = state(v);
        v.setWebhookUrl(valid, clock.instant());
        flush(v);
        audit.record(VendorAuditAction.VENDOR_WEBHOOK_CHANGED, "vendor", vendorId, vendorId, before, state(v));
        return valid;
    }

    /**
     * The URL, trimmed, if it may receive webhooks: https to public addresses only (resolved and checked
     * now, and again at every delivery). A name that does not resolve yet is accepted: deliveries check it.
     */
    private String validatedWebhookUrl(String url) {
        String problem = webhookTargets.problem(url, true);
        if (problem != null) {
            throw DomainException.invalidField("invalid-webhook-url", "webhookUrl", new Refusal("refusal.vendor.invalid-webhook-url", String.valueOf(problem)));
        }
        return url.trim();
    }

    @RolesAllowed(Roles.ADMIN)
    public void assignPartnerManager(long vendorId, String email) {
        find(vendorId);
        Long account = accounts.withRole(email, Role.PARTNER_MANAGER, true)
                .orElseThrow(() -> DomainException.invalidField("not-a-partner-manager", "email", new Refusal("refusal.vendor.not-a-partner-manager", String.valueOf(email))));
        if (!queries.assign(vendorId, account, clock.instant())) {
            throw DomainException.conflictOnField("already-assigned", "email", new Refusal("refusal.vendor.already-assigned", String.valueOf(email)));
        }
        audit.record(VendorAuditAction.PARTNER_MANAGER_ASSIGNED, "vendor", vendorId, vendorId, null, Map.of("accountId", account));
    }

    @RolesAllowed(Roles.ADMIN)
    public void removePartnerManager(long vendorId, long accountId) {
        if (!queries.unassign(vendorId, accountId)) {
            throw DomainException.conflict("not-assigned", new Refusal("refusal.vendor.not-assigned"));
        }
        audit.record(VendorAuditAction.PARTNER_MANAGER_REMOVED, "vendor", vendorId, vendorId, Map.of("accountId", accountId), null);
    }

    private void move(long vendorId, long expectedVersion, VendorStatus target, VendorStatus from, VendorAuditAction action) {
        Vendor v = findForUpdate(vendorId, expectedVersion);
        if (v.getStatus() != from || !v.getStatus().canMoveTo(target)) {
            throw DomainException.conflict("illegal-status-change", new Refusal("refusal.vendor.illegal-status-change-2",
                    new Refusal("refusal.vendor.status." + v.getStatus().name()),
                    new Refusal("refusal.vendor.status." + target.name()), String.valueOf(v.getStatus().next())));
        }
        Map<String, Object> before = state(v);
        v.moveTo(target, clock.instant());
        flush(v);
        audit.record(action, "vendor", vendorId, vendorId, before, state(v));
    }

    Vendor find(long vendorId) {
        return vendors.findById(vendorId)
                .orElseThrow(() -> DomainException.notFound("vendor-not-found", new Refusal("refusal.vendor.vendor-not-found-2", String.valueOf(vendorId))));
    }

    /** The vendor, if the caller saw its latest version; otherwise the concurrent-change refusal. */
    Vendor findForUpdate(long vendorId, long expectedVersion) {
        Vendor v = find(vendorId);
        if (v.getVersion() != expectedVersion) {
            throw changedBySomeoneElse();
        }
        return v;
    }

    void flush(Vendor v) {
        try {
            vendors.saveAndFlush(v);
        } catch (OptimisticLockingFailureException e) {
            throw changedBySomeoneElse();
        }
    }

    static DomainException changedBySomeoneElse() {
        return DomainException.conflict("concurrent-change", new Refusal("refusal.vendor.concurrent-change"));
    }

    static Map<String, Object> state(Vendor v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("slug", v.getSlug());
        s.put("name", v.getName());
        s.put("status", v.getStatus().name());
        s.put("capabilities", v.getCapabilities().stream().map(Enum::name).sorted().toList());
        s.put("webhookUrl", v.getWebhookUrl());
        return s;
    }

    private static VendorSummary summary(Vendor v, ReachCounter.Reach counts) {
        ReachCounter.Reach c = counts == null ? ReachCounter.Reach.NONE : counts;
        return new VendorSummary(v.getId(), v.getSlug(), v.getName(), v.getStatus(), v.getCapabilities(),
                v.getWebhookUrl(), c.liveLinks(), c.devices());
    }
}
