package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.audit.EvidenceGrade;
import io.bridgekeeper.audit.EvidenceKind;
import io.bridgekeeper.audit.IncidentKind;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.audit.IsolationViolation;
import io.bridgekeeper.audit.NewIncident;
import io.bridgekeeper.audit.Severity;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.canary.CanaryHousehold;
import io.bridgekeeper.canary.CanaryService;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.ViolationPolicy;
import io.bridgekeeper.vendor.ViolationPolicyService;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rollout guards. An isolation violation halts and rolls back the vendor's rollout at once,
 * opens a SEV1 incident and suspends the vendor's camera capabilities by its policy, all in the transaction that learnt of
 * the violation. The error-rate and no-data guards pause for a human; with every guard green, the
 * minimum sample seen and the bake time over, the stage advances by itself. Every automatic action
 * is audited as the system acting on the named rule, with the numbers it saw.
 */
@Component
public class RolloutGuards {

    static final String ISOLATION_RULE = "rollout guard: isolation violation";
    static final String CLAIMED_RULE = "rollout guard: claimed isolation violation";
    static final String ERROR_RATE_RULE = "rollout guard: error rate over threshold";
    static final String NO_DATA_RULE = "rollout guard: no telemetry";
    static final String CANARY_SILENT_RULE = "rollout guard: canary silent";
    /** What an isolation breach suspends: the capabilities that carry one household's images to a display. */
    static final Set<Capability> CONTENT_CAPABILITIES = EnumSet.of(Capability.CAMERA_STREAM, Capability.SNAPSHOT);
    static final String ADVANCE_RULE = "rollout scheduler: stage baked with guards green";

    private final RolloutStore queries;
    private final RolloutTransitions transitions;
    private final IncidentService incidents;
    private final AuditLog audit;
    private final SuspensionService suspensions;
    private final ViolationPolicyService policies;
    private final CanaryService canaries;
    private final Clock clock;

    RolloutGuards(RolloutStore queries, RolloutTransitions transitions, IncidentService incidents,
                  AuditLog audit, SuspensionService suspensions, ViolationPolicyService policies, CanaryService canaries, Clock clock) {
        this.canaries = canaries;
        this.policies = policies;
        this.audit = audit;
        this.queries = queries;
        this.transitions = transitions;
        this.incidents = incidents;
        this.suspensions = suspensions;
        this.clock = clock;
    }

    /** Where the vendor's running or paused rollout stands: what an observation is filed under. */
    public record ActiveStage(long rolloutId, int percent) {
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<ActiveStage> activeStage(long vendorId) {
        return queries.activeRollout(vendorId).flatMap(queries::detail)
                .map(r -> new ActiveStage(r.id(), r.currentPercent()));
    }

    /**
     * For the decision path: it denied a delivery because of an owner mismatch. Counted in the
     * telemetry (source DECISION) and handled like a vendor-reported violation. Returns the incident.
     */
    @PermitAll
    @Transactional
    public long reportIsolationViolation(long vendorId, Long cacheVersionId, Map<String, Object> evidence) {
        Instant now = clock.instant();
        countViolation(vendorId, cacheVersionId, "DECISION", now);
        return breach(vendorId, cacheVersionId, 1, "DECISION", evidence, now, null);
    }

    /**
     * For the decision path, with the devices and accounts involved: the violation is recorded with
     * them (so the exposure report names the households), against the rollout it halts. Proven evidence
     * is a breach at once; claimed evidence is recorded on an incident of its own (SEV2) and becomes a
     * breach only when the vendor's {@link ViolationPolicy} threshold of claims is reached within its
     * window, counted since the vendor was last resumed.
     */
    @PermitAll
    @Transactional
    public long reportIsolationViolation(IsolationViolation violation) {
        Instant now = violation.occurredAt() == null ? clock.instant() : violation.occurredAt();
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = violation.evidence() instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        if (violation.grade() == EvidenceGrade.CLAIMED) {
            return claimed(violation, evidence, now);
        }
        String source = violation.kind() == EvidenceKind.OBSERVED ? "OBSERVATION" : "DECISION";
        countViolation(violation.vendorId(), violation.cacheVersionId(), source, now);
        return breach(violation.vendorId(), violation.cacheVersionId(), 1, source, evidence, now, violation);
    }

    /**
     * A claim: not counted in the rollout's telemetry (whose isolation count is a breach for the
     * scheduler's guard), but on the vendor's claimed-violation incident, until enough claims arrive.
     */
    private long claimed(IsolationViolation violation, Map<String, Object> evidence, Instant now) {
        long vendorId = violation.vendorId();
        // one count at a time per vendor, on every node, so the claim that reaches the threshold is seen as such
        queries.lockClaims(vendorId);
        ViolationPolicy policy = policies.current(vendorId);
        Instant since = now.minus(policy.claimedWindow());
        Instant lifted = suspensions.lastLiftedAt(vendorId).orElse(null);
        if (lifted != null && lifted.isAfter(since)) {
            since = lifted;
        }
        long claims = incidents.claimedViolationsSince(vendorId, since) + 1;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", "DECISION");
        facts.put("evidenceGrade", EvidenceGrade.CLAIMED.name());
        facts.put("claimsInWindow", claims);
        facts.put("claimedThreshold", policy.claimedThreshold());
        facts.put("claimedWindowSeconds", policy.claimedWindow().toSeconds());
        facts.put("detectedAt", now.toString());
        if (evidence != null) {
            facts.put("details", evidence);
        }
        if (policy.thresholdReached(claims)) {
            return breach(vendorId, violation.cacheVersionId(), claims, "DECISION", facts, now, violation,
                    policy.claimsSuspend());
        }
        Long rolloutId = queries.activeRollout(vendorId).orElse(null);
        long incident = incidents.openIsolationIncident(vendorId, Severity.SEV2, null).orElseGet(() -> incidents.openBySystem(
                new NewIncident(IncidentKind.ISOLATION_VIOLATION, Severity.SEV2,
                        "Claimed isolation violation: a request named devices of two households", vendorId, rolloutId,
                        facts, "Opened by a claimed isolation violation (no signed cache key of another owner came "
                        + "with it): the rollout guard acts at " + policy.claimedThreshold() + " claims within "
                        + policy.claimedWindow().toMinutes() + " min."),
                CLAIMED_RULE));
        incidents.recordViolation(AuditActor.system(CLAIMED_RULE), incident, new IsolationViolation(now, vendorId,
                violation.sourceDeviceId(), violation.targetDeviceId(), violation.requesterAccountId(),
                violation.reason(), violation.cacheVersionId(), rolloutId, facts, EvidenceGrade.CLAIMED));
        return incident;
    }

    /** Counted in the rollout's telemetry under its source (DECISION or OBSERVATION), as the guard reads it. */
    private void countViolation(long vendorId, Long cacheVersionId, String source, Instant now) {
        if (cacheVersionId != null) {
            queries.countViolation(vendorId, cacheVersionId, source, now.truncatedTo(ChronoUnit.MINUTES));
        }
    }

    /**
     * An isolation breach of this vendor: the active rollout (running or paused: its devices are on
     * the target version either way) is halted and rolled back, the violation is recorded on an
     * incident (the open one, or a new SEV1), and the vendor is suspended if its policy says so.
     */
    long breach(long vendorId, Long cacheVersionId, long count, String source, Map<String, Object> evidence,
                Instant now, IsolationViolation violation) {
        return breach(vendorId, cacheVersionId, count, source, evidence, now, violation, true);
    }

    private long breach(long vendorId, Long cacheVersionId, long count, String source, Map<String, Object> evidence,
                        Instant now, IsolationViolation violation, boolean suspend) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", source);
        if (violation != null) {
            facts.put("evidenceGrade", violation.grade().name());
        }
        facts.put("cacheVersionId", cacheVersionId);
        facts.put("violations", count);
        facts.put("detectedAt", now.toString());
        if (evidence != null) {
            facts.put("details", evidence);
        }
        // locked, then checked again: it may have completed or been halted since it was looked up
        Optional<RolloutDetail> rollout = queries.activeRollout(vendorId).flatMap(queries::lock)
                .filter(r -> r.state().isActive());
        rollout.ifPresent(r -> {
            facts.put("rolloutId", r.id());
            facts.put("percent", r.currentPercent());
            record(ISOLATION_RULE, r, transitions.haltAndRollBack(r, now, "Isolation violation reported by "
                    + source.toLowerCase() + ": halted and rolled back at once", facts));
        });
        Long rolloutId = rollout.map(RolloutDetail::id).orElse(null);
        long incident = incidents.openIsolationIncident(vendorId, Severity.SEV1, rolloutId).orElseGet(() ->
                incidents.openBySystem(new NewIncident("ISOLATION_VIOLATION", "SEV1", rollout
                        .map(r -> "Isolation violation: " + r.vendorName() + " rollout of " + r.toLabel()
                                + " halted and rolled back")
                        .orElse("Isolation violation reported for vendor " + vendorId), vendorId, rolloutId, facts),
                        ISOLATION_RULE));
        // a vendor's telemetry count names no devices: recorded all the same, as what opened the incident
        IsolationViolation filed = violation != null ? violation.filed(now, cacheVersionId, rolloutId, facts)
                : new IsolationViolation(now, vendorId, null, null, null, "OWNER_MISMATCH", cacheVersionId, rolloutId,
                        facts, EvidenceGrade.PROVEN, EvidenceKind.TELEMETRY, null);
        incidents.recordViolation(AuditActor.system(ISOLATION_RULE), incident, filed);
        if (suspend) {
            // the content path only: cameras go dark, locks and lights keep working (DESIGN.md, the incident)
            suspensions.suspendBySystem(vendorId, SuspensionReason.PRIVACY_LEAK,
                    "Isolation violation (incident " + incident + "): one household's data shown to another",
                    ISOLATION_RULE, CONTENT_CAPABILITIES);
        }
        return incident;
    }

    /**
     * One rollout's guards at {@code now}, in its own transaction under its row lock: what the
     * scheduler runs for every running rollout, and what tests call with a chosen time.
     */
    @PermitAll
    @Transactional
    public GuardOutcome evaluate(long rolloutId, Instant now) {
        Optional<RolloutDetail> locked = queries.lock(rolloutId);
        if (locked.isEmpty() || locked.get().state() != RolloutState.RUNNING
                || transitions.isVendorSuspended(locked.get().vendorId())) {
            return GuardOutcome.NOTHING;
        }
        RolloutDetail r = locked.get();
        GuardReading g = queries.reading(r, now);
        Map<String, Object> evidence = g.evidence();
        if (g.isolationViolations() > 0) {
            breach(r.vendorId(), r.toVersionId(), g.isolationViolations(), "TELEMETRY", evidence, now, null);
            return GuardOutcome.HALTED;
        }
        if (g.errorRateTripped()) {
            String reason = String.format("Error rate %.2f %% over the threshold of %.2f %% after %,d deliveries",
                    g.errorRate() * 100, g.errorRateThreshold().doubleValue() * 100, g.deliveries());
            record(ERROR_RATE_RULE, r, List.of(transitions.pause(r, now, reason, evidence)));
            incidents.openBySystem(new NewIncident("ERROR_RATE", "SEV2", r.vendorName() + " rollout of "
                    + r.toLabel() + " paused: " + reason, r.vendorId(), r.id(), evidence), ERROR_RATE_RULE);
            return GuardOutcome.PAUSED_ERROR_RATE;
        }
        if (g.noDataTripped()) {
            String reason = "No telemetry for " + g.silentSeconds() + " s (limit " + g.noDataSeconds() + " s)";
            record(NO_DATA_RULE, r, List.of(transitions.pause(r, now, reason, evidence)));
            incidents.openBySystem(new NewIncident("NO_DATA", "SEV3", r.vendorName() + " rollout of "
                    + r.toLabel() + " paused: " + reason, r.vendorId(), r.id(), evidence), NO_DATA_RULE);
            return GuardOutcome.PAUSED_NO_DATA;
        }
        List<CanaryHousehold> silent = canaries.silent(r.vendorId(), r.stageStartedAt(), now);
        if (!silent.isEmpty()) {
            String reason = "Canary " + silent.stream().map(CanaryHousehold::name).collect(Collectors.joining(", "))
                    + " sent no probe for over " + canaries.silenceSeconds(r.vendorId()) + " s";
            evidence.put("silentCanaryAccountIds", silent.stream().map(CanaryHousehold::accountId).toList());
            record(CANARY_SILENT_RULE, r, List.of(transitions.pause(r, now, reason, evidence)));
            incidents.openBySystem(new NewIncident("NO_DATA", "SEV3", r.vendorName() + " rollout of "
                    + r.toLabel() + " paused: " + reason, r.vendorId(), r.id(), evidence), CANARY_SILENT_RULE);
            return GuardOutcome.PAUSED_CANARY_SILENT;
        }
        if (g.mayAdvance()) {
            RolloutTransitions.Change change = transitions.advance(r, now, evidence);
            record(ADVANCE_RULE, r, List.of(change));
            return change.state() == RolloutState.COMPLETED ? GuardOutcome.COMPLETED : GuardOutcome.ADVANCED;
        }
        return GuardOutcome.NOTHING;
    }

    /** Automatic changes are the system's, acting on the named rule. */
    private void record(String rule, RolloutDetail r, List<RolloutTransitions.Change> changes) {
        for (RolloutTransitions.Change c : changes) {
            audit.record(AuditActor.system(rule), c.action(), "rollout", r.id(), r.vendorId(), c.before(), c.after());
        }
    }
}
