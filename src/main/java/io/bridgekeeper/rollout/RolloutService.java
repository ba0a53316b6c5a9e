package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.SlugConfirmation;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Role;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.security.SignedInAccount;
import io.bridgekeeper.vendor.VendorAccess;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staged rollouts of vendors' cache versions: plan, four-eyes approval, start, advance, pause,
 * resume, halt and roll back. Partner managers act on their own vendors' rollouts only (another
 * vendor's rollout answers "not found"); only an admin other than the author approves or rejects.
 */
@Service
@Transactional(readOnly = true)
public class RolloutService {

    private final RolloutStore queries;
    private final RolloutTransitions transitions;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    private final List<ApprovalCheck> approvalChecks;

    RolloutService(RolloutStore queries, RolloutTransitions transitions, VendorAccess access,
                   CurrentUser currentUser, AuditLog audit, Clock clock, List<ApprovalCheck> approvalChecks) {
        this.approvalChecks = List.copyOf(approvalChecks);
        this.queries = queries;
        this.transitions = transitions;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Rollouts that move devices right now (running or paused mid-way). */
    @RolesAllowed(Roles.ADMIN)
    public long countActive() {
        return queries.countActive();
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** Rollouts other people submitted, waiting for the signed-in admin's approval (never their own). */
    @RolesAllowed(Roles.ADMIN)
    public List<RolloutRow> awaitingMyApproval() {
        return queries.awaitingApproval(currentUser.id());
    }

    /** One page of the rollouts the caller may see, filtered and sorted in the query; no total count. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<RolloutRow> search(RolloutFilter filter, Pageable page) {
        return queries.search(filter == null ? RolloutFilter.none() : filter, access.scope(), page);
    }

    /** The vendors the caller may filter by and plan rollouts for. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<VendorChoice> vendorChoices() {
        return queries.vendorChoices(access.scope());
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public RolloutDetail detail(long rolloutId) {
        RolloutDetail r = queries.detail(rolloutId).orElseThrow(() -> notFound(rolloutId));
        requireManage(r);
        return r;
    }

    /** What the caller may do to this rollout now: the page shows exactly these buttons (see {@link RolloutPages}). */
    Set<RolloutAction> allowedActions(RolloutDetail r) {
        Set<RolloutAction> actions = EnumSet.noneOf(RolloutAction.class);
        SignedInAccount me = currentUser.require();
        boolean suspended = transitions.isVendorSuspended(r.vendorId());
        for (RolloutAction a : RolloutStateMachine.allowed(r.state())) {
            boolean ok = switch (a) {
                case APPROVE, REJECT -> me.has(Role.ADMIN) && me.id() != r.createdById();
                case START -> !suspended && queries.activeRollout(r.vendorId()).isEmpty();
                case ADVANCE, RESUME -> !suspended;
                case ROLL_BACK -> false; // follows a halt at once
                default -> true;
            };
            if (ok) {
                actions.add(a);
            }
        }
        return actions;
    }

    // ---- changes --------------------------------------------------------------------------------

    /** A new rollout plan (DRAFT) from the vendor's stable version to {@code toVersionId}. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public long create(NewRollout plan) {
        access.requireManage(plan.vendorId());
        if (plan.stages() == null) {
            throw DomainException.invalidField("invalid-stages", "stages", new Refusal("refusal.rollout.invalid-stages"));
        }
        if (plan.bakeSeconds() < 0 || plan.bakeSeconds() > 30 * 86_400) {
            throw DomainException.invalidField("invalid-bake", "bakeSeconds", new Refusal("refusal.rollout.invalid-bake"));
        }
        if (plan.minDeliveries() < 0) {
            throw DomainException.invalidField("invalid-min-deliveries", "minDeliveries", new Refusal("refusal.rollout.invalid-min-deliveries"));
        }
        BigDecimal threshold = plan.errorRateThreshold();
        if (threshold == null || threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.invalidField("invalid-threshold", "errorRateThreshold", new Refusal("refusal.rollout.invalid-threshold"));
        }
        if (plan.noDataSeconds() <= 0) {
            throw DomainException.invalidField("invalid-no-data", "noDataSeconds", new Refusal("refusal.rollout.invalid-no-data"));
        }
        long stable = queries.stableVersion(plan.vendorId()).orElseThrow(() -> DomainException.conflict("no-stable-version", new Refusal("refusal.rollout.no-stable-version")));
        if (!queries.isVersionOf(plan.vendorId(), plan.toVersionId())) {
            throw DomainException.invalidField("unknown-version", "toVersion", new Refusal("refusal.rollout.unknown-version"));
        }
        if (stable == plan.toVersionId()) {
            throw DomainException.invalidField("target-is-stable", "toVersion", new Refusal("refusal.rollout.target-is-stable"));
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        long id = queries.insertRollout(plan, stable, HexFormat.of().formatHex(salt), currentUser.id(), clock.instant());
        List<Integer> percents = plan.stages().percents();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", "DRAFT");
        after.put("fromVersionId", stable);
        after.put("toVersionId", plan.toVersionId());
        after.put("stages", percents);
        after.put("bakeSeconds", plan.bakeSeconds());
        after.put("minDeliveries", plan.minDeliveries());
        after.put("errorRateThreshold", threshold);
        after.put("noDataSeconds", plan.noDataSeconds());
        audit.record(RolloutAuditAction.ROLLOUT_CREATED, "rollout", id, plan.vendorId(), null, after);
        return id;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public void submit(long rolloutId) {
        RolloutDetail r = lockManaged(rolloutId);
        RolloutStateMachine.next(r.state(), RolloutAction.SUBMIT, false);
        queries.submitted(rolloutId, clock.instant());
        audit.record(RolloutAuditAction.ROLLOUT_SUBMITTED, "rollout", rolloutId, r.vendorId(), Map.of("state", r.state().name()),
                Map.of("state", "PENDING_APPROVAL"));
    }

    /**
     * What the approver should read first (a certified model and surface that the new version is not certified
     * for), in the reader's language; empty when nothing is at stake.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<String> approvalWarnings(long rolloutId, java.util.Locale locale) {
        RolloutDetail r = detail(rolloutId);
        List<String> out = new java.util.ArrayList<>();
        approvalChecks.forEach(c -> out.addAll(c.warnings(r.vendorId(), r.fromVersionId(), r.toVersionId(), locale)));
        return out;
    }

    /** Four eyes: an admin other than the author. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void approve(long rolloutId, String reason) {
        String text = requireReason(reason == null ? "" : reason.strip(), new Refusal("refusal.rollout.why.approve"));
        TextRules.requireCleanText("reason", text);
        decide(rolloutId, RolloutAction.APPROVE, text);
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void reject(long rolloutId, String reason) {
        decide(rolloutId, RolloutAction.REJECT, requireReason(reason == null ? "" : reason.trim(), new Refusal("refusal.rollout.why.reject")));
    }

    /** A decision's reason: 1 to 2000 characters, or an error on the reason field saying {@code why}. */
    private static String requireReason(String text, Refusal why) {
        if (text.isEmpty() || text.length() > 2000) {
            throw DomainException.invalidField("no-reason", "reason", new Refusal("refusal.rollout.no-reason", why));
        }
        return text;
    }

    private void decide(long rolloutId, RolloutAction action, String reason) {
        RolloutDetail r = lockManaged(rolloutId);
        RolloutState next = RolloutStateMachine.next(r.state(), action, false);
        if (r.createdById() == currentUser.id()) {
            throw DomainException.conflict("four-eyes", new Refusal("refusal.rollout.four-eyes",
                    RolloutAction.refusalWords(action)));
        }
        queries.decided(rolloutId, next, currentUser.id(), clock.instant(), reason);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", next.name());
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.record(action == RolloutAction.APPROVE ? RolloutAuditAction.ROLLOUT_APPROVED : RolloutAuditAction.ROLLOUT_REJECTED, "rollout", rolloutId,
                r.vendorId(), Map.of("state", r.state().name()), after);
    }

    /** APPROVED → RUNNING at the first stage; never while the vendor is suspended or another rollout runs. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public void start(long rolloutId) {
        RolloutDetail r = lockManaged(rolloutId);
        RolloutStateMachine.next(r.state(), RolloutAction.START, false);
        transitions.requireVendorNotSuspended(r, RolloutAction.START);
        if (queries.activeRollout(r.vendorId()).isPresent()) {
            throw DomainException.conflict("rollout-already-active", new Refusal("refusal.rollout.rollout-already-active", String.valueOf(r.vendorName())));
        }
        queries.started(rolloutId, clock.instant());
        audit.record(RolloutAuditAction.ROLLOUT_STARTED, "rollout", rolloutId, r.vendorId(), Map.of("state", r.state().name()),
                Map.of("state", "RUNNING", "stage", 0, "percent", r.stages().getFirst().percent()));
    }

    /** By hand: the next stage now, or completion after the last one. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public RolloutState advance(long rolloutId) {
        RolloutDetail r = lockManaged(rolloutId);
        RolloutTransitions.Change change = transitions.advance(r, clock.instant(), null);
        record(r, List.of(change));
        return change.state();
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public void pause(long rolloutId, String reason) {
        RolloutDetail r = lockManaged(rolloutId);
        String text = reason == null || reason.isBlank() ? "Paused by " + currentUser.require().displayName()
                : reason.trim();
        record(r, List.of(transitions.pause(r, clock.instant(), text, null)));
    }

    /** PAUSED → RUNNING; the guards and the bake time start a fresh observation window. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public void resume(long rolloutId) {
        RolloutDetail r = lockManaged(rolloutId);
        RolloutStateMachine.next(r.state(), RolloutAction.RESUME, false);
        transitions.requireVendorNotSuspended(r, RolloutAction.RESUME);
        queries.resumed(rolloutId, clock.instant());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("state", r.state().name());
        before.put("reason", r.pauseReason());
        audit.record(RolloutAuditAction.ROLLOUT_RESUMED, "rollout", rolloutId, r.vendorId(), before, Map.of("state", "RUNNING"));
    }

    /**
     * Halt and roll back at once: every device goes back to the version it came from. A person
     * confirms it by typing the vendor's slug; the isolation guard halts without it.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public void haltAndRollBack(long rolloutId, String reason, String typedSlug) {
        RolloutDetail r = lockManaged(rolloutId);
        SlugConfirmation.require(typedSlug, r.vendorSlug());
        String text = reason == null || reason.isBlank() ? "Halted by " + currentUser.require().displayName()
                : reason.trim();
        record(r, transitions.haltAndRollBack(r, clock.instant(), text, null));
    }

    /** The changes a transition made, each audited as the person calling. */
    private void record(RolloutDetail r, List<RolloutTransitions.Change> changes) {
        for (RolloutTransitions.Change c : changes) {
            audit.record(c.action(), "rollout", r.id(), r.vendorId(), c.before(), c.after());
        }
    }

    // ---- scope ----------------------------------------------------------------------------------

    private RolloutDetail lockManaged(long rolloutId) {
        RolloutDetail r = queries.lock(rolloutId).orElseThrow(() -> notFound(rolloutId));
        requireManage(r);
        return r;
    }

    private void requireManage(RolloutDetail r) {
        if (!access.mayManage(r.vendorId())) {
            throw notFound(r.id());
        }
    }

    private static DomainException notFound(long rolloutId) {
        return DomainException.notFound("rollout-not-found", new Refusal("refusal.rollout.rollout-not-found", String.valueOf(rolloutId)));
    }
}
