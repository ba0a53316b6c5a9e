package io.bridgekeeper.vendor;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.base.SlugConfirmation;
import io.bridgekeeper.base.cluster.NodeIdentity;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The kill switch's write side: suspend a vendor (all or some capabilities) and resume it, with
 * four eyes after a privacy leak or a security problem. Each change is audited, told to every node
 * (NOTIFY at commit), published as an event (rollouts pause, webhooks go out), and never touches a
 * household's own device choices.
 */
@Service
@Transactional
public class SuspensionService {

    /** An expected restoration further out than this is a typo, not a plan. */
    static final Duration MAX_RESTORATION = Duration.ofDays(366);

    private final VendorService vendorService;
    private final SuspensionRepository suspensions;
    private final VendorStore queries;
    private final VendorReach reach;
    private final VendorAccess access;
    private final KillSwitch killSwitch;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NodeIdentity nodes;

    SuspensionService(VendorService vendorService, SuspensionRepository suspensions, VendorStore queries,
                      VendorReach reach, VendorAccess access, KillSwitch killSwitch, CurrentUser currentUser,
                      AuditLog audit, ApplicationEventPublisher events, Clock clock, NodeIdentity nodes) {
        this.nodes = nodes;
        this.vendorService = vendorService;
        this.suspensions = suspensions;
        this.queries = queries;
        this.reach = reach;
        this.access = access;
        this.killSwitch = killSwitch;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What suspending this scope would touch, computed now. An empty scope (or every capability the vendor
     * offers) switches the whole integration off: every household with a live link, every device. CONTROL
     * touches every device and the households that own one; stream and snapshot alone touch the camera-like
     * devices (camera, doorbell) and only the households that own one of those.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public BlastRadius blastRadius(long vendorId, Set<Capability> scope) {
        Vendor v = vendorService.find(vendorId);
        boolean whole = scope == null || scope.isEmpty() || scope.containsAll(v.getCapabilities());
        ReachCounter.Reach r = reach.of(vendorId);
        if (whole) {
            return new BlastRadius(r.households(), r.devices(), r.runningRollouts());
        }
        if (scope.contains(Capability.CONTROL)) {
            return new BlastRadius(r.deviceHouseholds(), r.devices(), r.runningRollouts());
        }
        return new BlastRadius(r.cameraHouseholds(), r.cameras(), r.runningRollouts());
    }

    @RolesAllowed(Roles.ADMIN)
    public long suspend(SuspendCommand cmd) {
        Vendor vendor = vendorService.findForUpdate(cmd.vendorId(), cmd.expectedVersion());
        SlugConfirmation.require(cmd.typedSlug(), vendor.getSlug());
        if (vendor.getStatus() != VendorStatus.ACTIVE) {
            throw DomainException.conflict("illegal-status-change", new Refusal("refusal.vendor.illegal-status-change", String.valueOf(vendor.getSlug()), new Refusal("refusal.vendor.status." + vendor.getStatus().name())));
        }
        if (cmd.reason() == null) {
            throw DomainException.invalidField("no-reason", "reason", new Refusal("refusal.vendor.no-reason"));
        }
        String text = cmd.reasonText() == null ? "" : cmd.reasonText().trim();
        if (text.isEmpty() || text.length() > 2000) {
            throw DomainException.invalidField("no-reason-text", "reasonText", new Refusal("refusal.vendor.no-reason-text"));
        }
        TextRules.requireCleanText("reasonText", text);
        Set<Capability> scope = cmd.allCapabilities() ? vendor.getCapabilities()
                : cmd.capabilities() == null ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(cmd.capabilities());
        if (!cmd.allCapabilities() && (scope.isEmpty() || !vendor.getCapabilities().containsAll(scope))) {
            throw DomainException.invalidField("invalid-scope", "capabilities", new Refusal("refusal.vendor.invalid-scope", String.valueOf(vendor.getCapabilities())));
        }
        Instant now = clock.instant();
        if (cmd.expectedRestoration() != null && !cmd.expectedRestoration().isAfter(now)) {
            throw DomainException.invalidField("restoration-in-past", "expectedRestoration", new Refusal("refusal.vendor.restoration-in-past"));
        }
        if (cmd.expectedRestoration() != null && cmd.expectedRestoration().isAfter(now.plus(MAX_RESTORATION))) {
            throw DomainException.invalidField("restoration-too-far", "expectedRestoration", new Refusal("refusal.vendor.restoration-too-far"));
        }
        Map<String, Object> before = VendorService.state(vendor);
        vendor.moveTo(VendorStatus.SUSPENDED, now);
        vendorService.flush(vendor);
        Suspension s = suspensions.saveAndFlush(new Suspension(vendor.getId(), cmd.allCapabilities(), scope,
                cmd.reason(), text, cmd.expectedRestoration(), currentUser.id(), now));

        Map<String, Object> after = new LinkedHashMap<>(VendorService.state(vendor));
        after.put("suspensionId", s.getId());
        after.put("scope", cmd.allCapabilities() ? "ALL" : names(scope));
        after.put("reasonCode", cmd.reason().name());
        after.put("reasonText", text);
        after.put("expectedRestoration", cmd.expectedRestoration() == null ? null : cmd.expectedRestoration().toString());
        audit.record(VendorAuditAction.VENDOR_SUSPENDED, "vendor", vendor.getId(), vendor.getId(), before, after);
        events.publishEvent(new VendorSuspended(vendor.getId(), vendor.getSlug(), s.getId(), cmd.allCapabilities(),
                scope, cmd.reason().name(), text, cmd.expectedRestoration(), now));
        announce(vendor.getId(), s.getId(), "SUSPENDED");
        return s.getId();
    }

    /**
     * An automatic suspension by a rule of the system (e.g. the rollout guard after an isolation
     * violation), when the vendor's policy allows it ({@code auto_suspend_on_violation}, on by
     * default). Called by other modules' automatic actions, which run without a signed-in user;
     * it can only ever suspend, never lift. Returns the suspension, or empty when the policy is off
     * or the vendor is not active (already suspended counts as done).
     */
    @PermitAll
    public java.util.Optional<Long> suspendBySystem(long vendorId, SuspensionReason reason, String text, String rule) {
        return suspendBySystem(vendorId, reason, text, rule, Set.of());
    }

    /**
     * The same, for some capabilities only (those of them the vendor has); every capability when none of
     * them is the vendor's, or when the scope is empty.
     */
    @PermitAll
    public java.util.Optional<Long> suspendBySystem(long vendorId, SuspensionReason reason, String text, String rule,
                                                    Set<Capability> scope) {
        Vendor vendor = vendorService.find(vendorId);
        if (!vendor.isAutoSuspendOnViolation() || vendor.getStatus() != VendorStatus.ACTIVE) {
            return java.util.Optional.empty();
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        capabilities.addAll(vendor.getCapabilities());
        if (scope != null && !scope.isEmpty()) {
            capabilities.retainAll(scope);
        }
        boolean all = capabilities.isEmpty() || capabilities.containsAll(vendor.getCapabilities());
        Set<Capability> suspended = all ? vendor.getCapabilities() : capabilities;
        Instant now = clock.instant();
        Map<String, Object> before = VendorService.state(vendor);
        vendor.moveTo(VendorStatus.SUSPENDED, now);
        vendorService.flush(vendor);
        Suspension s = suspensions.saveAndFlush(new Suspension(vendorId, all, suspended, reason, text, null, null, now));
        Map<String, Object> after = new LinkedHashMap<>(VendorService.state(vendor));
        after.put("suspensionId", s.getId());
        after.put("scope", all ? "ALL" : names(suspended));
        after.put("reasonCode", reason.name());
        after.put("reasonText", text);
        audit.record(AuditActor.system(rule), VendorAuditAction.VENDOR_SUSPENDED, "vendor", vendorId, vendorId, before, after);
        events.publishEvent(new VendorSuspended(vendorId, vendor.getSlug(), s.getId(), all, suspended,
                reason.name(), text, null, now));
        announce(vendorId, s.getId(), "SUSPENDED");
        return java.util.Optional.of(s.getId());
    }

    /**
     * The first step of a resume. After a privacy leak or a security problem it only records the
     * request, and a different admin must approve; otherwise the vendor resumes now.
     */
    @RolesAllowed(Roles.ADMIN)
    public boolean requestResume(long vendorId, long expectedVersion, String reason) {
        String why = resumeReason(reason);
        Vendor vendor = vendorService.findForUpdate(vendorId, expectedVersion);
        Suspension s = open(vendorId);
        if (s.getStatus() == SuspensionStatus.RESUME_REQUESTED) {
            throw DomainException.conflict("resume-already-requested", new Refusal("refusal.vendor.resume-already-requested"));
        }
        if (s.getReasonCode().needsSecondAdminToResume()) {
            s.requestResume(currentUser.id(), clock.instant(), why);
            suspensions.saveAndFlush(s);
            vendor.moveTo(VendorStatus.SUSPENDED, clock.instant()); // bump the version: the page must reload
            vendorService.flush(vendor);
            audit.record(VendorAuditAction.VENDOR_RESUME_REQUESTED, "suspension", s.getId(), vendorId,
                    Map.of("status", "ACTIVE"), Map.of("status", "RESUME_REQUESTED", "reason", why));
            return false;
        }
        lift(vendor, s, why);
        return true;
    }

    /**
     * A requested resume is taken back: by the admin who asked (withdrawn), or declined by another admin who
     * does not approve it. The suspension stands as before the request; the reason is audited.
     */
    @RolesAllowed(Roles.ADMIN)
    public void withdrawResume(long vendorId, long expectedVersion, String reason) {
        String why = resumeReason(reason);
        Vendor vendor = vendorService.findForUpdate(vendorId, expectedVersion);
        Suspension s = open(vendorId);
        if (s.getStatus() != SuspensionStatus.RESUME_REQUESTED) {
            throw DomainException.conflict("no-resume-request", new Refusal("refusal.vendor.no-resume-request"));
        }
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        before.put("status", "RESUME_REQUESTED");
        before.put("requestedBy", s.getResumeRequestedBy());
        before.put("reason", s.getResumeRequestReason());
        boolean own = s.getResumeRequestedBy() != null && s.getResumeRequestedBy() == currentUser.id();
        s.withdrawResume();
        suspensions.saveAndFlush(s);
        vendor.moveTo(VendorStatus.SUSPENDED, clock.instant()); // bump the version: open pages must reload
        vendorService.flush(vendor);
        audit.record(VendorAuditAction.VENDOR_RESUME_WITHDRAWN, "suspension", s.getId(), vendorId, before,
                Map.of("status", "ACTIVE", "reason", why, "how", own ? "withdrawn by the requester" : "declined"));
    }

    /** The second admin's approval of a requested resume; the requester cannot approve their own. */
    @RolesAllowed(Roles.ADMIN)
    public void approveResume(long vendorId, long expectedVersion, String reason) {
        String why = resumeReason(reason);
        Vendor vendor = vendorService.findForUpdate(vendorId, expectedVersion);
        Suspension s = open(vendorId);
        if (s.getStatus() != SuspensionStatus.RESUME_REQUESTED) {
            throw DomainException.conflict("no-resume-request", new Refusal("refusal.vendor.no-resume-request"));
        }
        if (s.getResumeRequestedBy() != null && s.getResumeRequestedBy() == currentUser.id()) {
            throw DomainException.conflict("four-eyes", new Refusal("refusal.vendor.four-eyes"));
        }
        lift(vendor, s, why);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<SuspensionSummary> history(long vendorId) {
        access.requireManage(vendorId);
        return queries.suspensions(vendorId);
    }

    /**
     * When the vendor's last suspension was lifted, if ever: evidence from before it no longer counts
     * towards a threshold. For automatic rules, which run without a signed-in person.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Instant> lastLiftedAt(long vendorId) {
        return queries.lastLiftedAt(vendorId);
    }

    /** Where the vendor's latest change holds: each live node and when it applied it. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<NodeApplication> applications(long suspensionId, boolean lifted) {
        Map<String, Instant> applied = queries.appliedAt(suspensionId, lifted ? "LIFTED" : "SUSPENDED");
        return nodes.aliveNodes().stream().map(node -> new NodeApplication(node, applied.get(node))).toList();
    }

    /** Notices for a household's vendors that are suspended now, in plain words. */
    @RolesAllowed({Roles.END_USER, Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public Map<Long, SuspensionNotice> noticesFor(Collection<Long> vendorIds) {
        Map<Long, ActiveSuspension> active = vendorIds.stream().distinct()
                .map(killSwitch::suspensionOf).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(ActiveSuspension::vendorId, a -> a));
        Map<Long, String> names = queries.vendorNames(active.keySet());
        return active.values().stream().collect(Collectors.toMap(ActiveSuspension::vendorId,
                a -> new SuspensionNotice(a.vendorId(), names.get(a.vendorId()),
                        a.allCapabilities() ? EnumSet.allOf(Capability.class) : a.scope(), a.reason(),
                        a.expectedRestoration())));
    }

    /** Resumes requested by other admins: what waits for the signed-in admin's approval, oldest first. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<PendingResume> awaitingMyApproval() {
        return queries.resumesAwaitingApproval(currentUser.id());
    }

    private static String resumeReason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw DomainException.invalidField("resume-reason-required", "reason", new Refusal("refusal.vendor.resume-reason-required"));
        }
        if (text.length() > 2000) {
            throw DomainException.invalidField("resume-reason-too-long", "reason", new Refusal("refusal.vendor.resume-reason-too-long", String.valueOf(text.length())));
        }
        TextRules.requireCleanText("reason", text);
        return text;
    }

    private void lift(Vendor vendor, Suspension s, String reason) {
        Instant now = clock.instant();
        Map<String, Object> before = VendorService.state(vendor);
        s.lift(currentUser.id(), now, reason);
        suspensions.saveAndFlush(s);
        vendor.moveTo(VendorStatus.ACTIVE, now);
        vendorService.flush(vendor);
        Map<String, Object> after = new LinkedHashMap<>(VendorService.state(vendor));
        after.put("suspensionId", s.getId());
        after.put("reason", reason);
        audit.record(VendorAuditAction.VENDOR_RESUMED, "vendor", vendor.getId(), vendor.getId(), before, after);
        events.publishEvent(new VendorResumed(vendor.getId(), vendor.getSlug(), s.getId(), now));
        announce(vendor.getId(), s.getId(), "LIFTED");
    }

    private Suspension open(long vendorId) {
        return suspensions.findOpen(vendorId).orElseThrow(() ->
                DomainException.conflict("not-suspended", new Refusal("refusal.vendor.not-suspended")));
    }

    /** NOTIFY every node (delivered at commit) and apply on this node as soon as the commit is done. */
    private void announce(long vendorId, long suspensionId, String change) {
        killSwitch.notifyNodes(vendorId, suspensionId, change);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                killSwitch.apply(vendorId, suspensionId, change);
            }
        });
    }

    private static List<String> names(Set<Capability> scope) {
        return scope.stream().map(Enum::name).sorted().toList();
    }
}
