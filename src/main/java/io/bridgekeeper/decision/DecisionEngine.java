package io.bridgekeeper.decision;

import io.bridgekeeper.audit.EvidenceGrade;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.compatibility.CertificationSwitch;
import io.bridgekeeper.decision.DecisionState.VendorState;
import io.bridgekeeper.decision.DecisionState.Version;
import io.bridgekeeper.decision.DeviceEntry.IssuedKey;
import io.bridgekeeper.decision.DeviceReads.Row;
import io.bridgekeeper.rollout.Buckets;
import io.bridgekeeper.vendor.ActiveSuspension;
import io.bridgekeeper.vendor.KillSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The delivery decision, without the caller's credential check (that is {@link DecisionService}).
 *
 * <p>Authorize answers, in this order, the first that applies:
 * <ol>
 * <li>unknown vendor slug → {@code DEVICE_UNKNOWN}; vendor not live (onboarding, retired) or its
 *     suspension covers every capability it offers → {@code VENDOR_SUSPENDED}; the suspension covers
 *     the capability asked for, or the vendor does not offer it → {@code CAPABILITY_SUSPENDED};</li>
 * <li>source or target device unknown or removed → {@code DEVICE_UNKNOWN}; either disabled →
 *     {@code DEVICE_DISABLED}; the source device's model suspended on the target's surface (a revoked
 *     certification) → {@code NOT_CERTIFIED}; either held for a move between households that waits for consent →
 *     {@code OWNERSHIP_CONFLICT}; either without an owner, or with a link that is not live →
 *     {@code LINK_ENDED};</li>
 * <li>the requester does not own the target → {@code REQUESTER_NOT_OWNER}; source and target have
 *     different owners → {@code OWNER_CHANGED} when the key is a genuine one of the source device issued to
 *     the requester (the device moved since: stale, not evidence), otherwise {@code OWNER_MISMATCH}, an
 *     isolation violation, proven when the key is a genuine one of the source device issued to another
 *     owner, claimed otherwise;</li>
 * <li>the key is not genuine, or was issued for another vendor or device → {@code FORGED_CACHE_KEY};
 *     it was issued to another owner → {@code OWNER_MISMATCH} (a proven isolation violation); it was signed
 *     by a retired secret, or for another link epoch or cache version → {@code STALE_CACHE_KEY};</li>
 * <li>otherwise {@code ALLOW}.</li>
 * </ol>
 * The effective cache version is the running (or paused) rollout's target when the source device's
 * bucket is inside the current stage, otherwise the stable version; every answer carries it once the
 * vendor is known. Vendors, suspensions and rollout stages come from memory; devices, owners and links
 * come from the database on every authorization ({@link DeviceReads}), so a committed unlink or
 * transfer is never missed. Resolve applies the same vendor and source-device rules from memory (for a
 * bounded while also when the LISTEN connection or the database is away, see DecisionState) and
 * issues the key; each device's last answer is kept in {@link ResolveAnswers} for as long as it holds.
 */
@Component
public class DecisionEngine {

    private final DecisionState state;
    private final KillSwitch killSwitch;
    private final DeviceReads deviceReads;
    private final DecisionMetrics metrics;
    private final ViolationReporter violations;
    private final CoalescedReads<AuthorizeRequest, Map<String, Row>> reads;
    private final AccessLog history;
    private final CertificationSwitch certifications;

    DecisionEngine(DecisionState state, KillSwitch killSwitch, DeviceReads deviceReads, DecisionMetrics metrics,
                   ViolationReporter violations, AccessLog history, CertificationSwitch certifications,
                   // one read at a time: what arrives meanwhile shares the next one. With four, most reads served a
                   // single authorization and PostgreSQL spent twice the CPU per authorization (README, benchmarks).
                   @Value("${bridgekeeper.decision.concurrent-reads:1}") int concurrentReads) {
        this.state = state;
        this.killSwitch = killSwitch;
        this.deviceReads = deviceReads;
        this.metrics = metrics;
        this.violations = violations;
        this.history = history;
        this.certifications = certifications;
        this.reads = new CoalescedReads<>(concurrentReads, deviceReads::read);
    }

    // --- resolve -----------------------------------------------------------------------------------

    public Resolution resolve(ResolveRequest request) {
        boolean timed = DecisionMetrics.timeResolve();
        long start = timed ? System.nanoTime() : 0;
        VendorState v = state.vendorForResolve(request.vendor());
        Resolution denied = vendorDenial(v, request.deviceId());
        ResolveAnswers.Answer a = denied == null ? answer(v, request.deviceId()) : null;
        // the reason from the answer, which was just read, rather than from its resolution: one cache miss fewer
        metrics.resolved(a != null ? a.reason : denied.reason(), timed ? System.nanoTime() - start : -1);
        return a != null ? a.resolution : denied;
    }

    public List<Resolution> resolveAll(List<ResolveRequest> requests) {
        List<Resolution> out = new ArrayList<>(requests.size());
        for (ResolveRequest r : requests) {
            out.add(resolve(r));
        }
        return out;
    }

    /** The vendor's rules (unknown, not live, suspended entirely) as a denial, or null when the device decides. */
    private Resolution vendorDenial(VendorState v, String deviceId) {
        if (v == null) {
            return Resolution.deny(DenyReason.DEVICE_UNKNOWN, null);
        }
        if (!v.live() || suspendedEntirely(v)) {
            return Resolution.deny(DenyReason.VENDOR_SUSPENDED, effectiveVersion(v, deviceId));
        }
        return null;
    }

    /**
     * The device's answer: the one stored while it holds, otherwise worked out and stored, except for a
     * device that does not exist (one synced a moment later is found at once).
     */
    private ResolveAnswers.Answer answer(VendorState v, String deviceId) {
        DeviceKey key = new DeviceKey(v.id(), deviceId);
        CacheKeys keys = state.cacheKeys();
        String kid = keys.activeKid();
        boolean trusted = state.servesResolve();
        ResolveAnswers answers = state.answers();
        Object seen = trusted ? answers.seen(key) : null;
        ResolveAnswers.Answer a = trusted ? ResolveAnswers.current(seen, key, v, kid) : null;
        if (a == null) {
            Resolution r = resolveDevice(v, key, keys, kid);
            if (r == null) {
                r = Resolution.deny(DenyReason.DEVICE_UNKNOWN, effectiveVersion(v, deviceId));
                return new ResolveAnswers.Answer(key, v, kid, r);
            }
            a = new ResolveAnswers.Answer(key, v, kid, r);
            if (trusted) {
                answers.offer(seen, a);
            }
        }
        return a;
    }

    /** Resolve's answer from the device and its link, or null when there is no such device. */
    private Resolution resolveDevice(VendorState v, DeviceKey key, CacheKeys keys, String kid) {
        DeviceEntry d = state.device(key);
        if (d == null) {
            return null;
        }
        Version version = effectiveVersion(v, d);
        if (d.removed) {
            return Resolution.deny(DenyReason.DEVICE_UNKNOWN, version);
        }
        if (d.disabled) {
            return Resolution.deny(DenyReason.DEVICE_DISABLED, version);
        }
        if (d.inConflict) {
            return Resolution.deny(DenyReason.OWNERSHIP_CONFLICT, version);
        }
        if (d.ownerId == DecisionState.NONE) {
            return Resolution.deny(DenyReason.LINK_ENDED, version);
        }
        int epoch = 0;
        if (d.linkId != DecisionState.NONE) {
            LinkEntry link = state.link(d);
            if (link == null || !link.live) {
                return Resolution.deny(DenyReason.LINK_ENDED, version);
            }
            if (link.needsRelink) {
                return Resolution.deny(DenyReason.LINK_NEEDS_RELINK, version);
            }
            epoch = link.epoch;
        }
        long versionId = version == null ? 0 : version.id();
        IssuedKey memo = d.memo;
        if (memo == null || memo.cacheVersionId() != versionId || memo.epoch() != epoch || !memo.kid().equals(kid)) {
            memo = new IssuedKey(versionId, epoch, kid,
                    keys.issue(new CacheKeys.Claims(v.id(), d.id, d.ownerId, epoch, versionId)));
            d.memo = memo;
        }
        return Resolution.resolved(version, memo.key());
    }

    // --- authorize ---------------------------------------------------------------------------------

    /**
     * One delivery. Its devices are read with those of the authorizations that arrive at the same time
     * ({@link CoalescedReads}: one read for many, always a read that began after this call); inside a
     * caller's transaction they are read in that transaction, alone.
     */
    public Decision authorize(AuthorizeRequest request) {
        refuseUnreadable(request);
        long start = System.nanoTime();
        Map<String, Row> rows = TransactionSynchronizationManager.isActualTransactionActive()
                ? deviceReads.read(List.of(request))
                : reads.read(request);
        Decision d = decide(request, rows);
        metrics.authorized(d, System.nanoTime() - start);
        countForHousehold(request, rows, d);
        return d;
    }

    /** Many at once: one database read for all their devices. */
    public List<Decision> authorizeAll(List<AuthorizeRequest> requests) {
        requests.forEach(DecisionEngine::refuseUnreadable);
        long start = System.nanoTime();
        Map<String, Row> rows = deviceReads.read(requests);
        List<Decision> out = new ArrayList<>(requests.size());
        long each = requests.isEmpty() ? 0 : (System.nanoTime() - start) / requests.size();
        for (AuthorizeRequest req : requests) {
            long t = System.nanoTime();
            Decision d = decide(req, rows);
            metrics.authorized(d, System.nanoTime() - t + each);
            countForHousehold(req, rows, d);
            out.add(d);
        }
        return out;
    }

    /** Bad input is the caller's alone: refused before it can join (and fail) a read shared with others. */
    private static void refuseUnreadable(AuthorizeRequest request) {
        String field = DeviceReads.unreadableField(request);
        if (field != null) {
            throw DomainException.invalidField("control-character", field, new Refusal("refusal.decision.control-character", String.valueOf(field)));
        }
    }

    /** The source device's household may read who asked for it and what was answered ({@link AccessHistory}). */
    private void countForHousehold(AuthorizeRequest req, Map<String, Row> rows, Decision d) {
        VendorState v = state.vendor(req.vendor());
        if (v == null) {
            return;
        }
        history.record(DeviceReads.find(rows, v.id(), req.sourceDeviceId()), target(req, rows), req.capability(), d);
    }

    private Row target(AuthorizeRequest req, Map<String, Row> rows) {
        if (req.targetVendor() == null) {
            return DeviceReads.find(rows, null, req.targetDeviceId());
        }
        VendorState tv = state.vendor(req.targetVendor());
        return tv == null ? null : DeviceReads.find(rows, tv.id(), req.targetDeviceId());
    }

    private Decision decide(AuthorizeRequest req, Map<String, Row> rows) {
        VendorState v = state.vendor(req.vendor());
        if (v == null) {
            return Decision.deny(DenyReason.DEVICE_UNKNOWN, null);
        }
        Version version = effectiveVersion(v, req.sourceDeviceId());
        if (!v.live()) {
            return Decision.deny(DenyReason.VENDOR_SUSPENDED, version);
        }
        ActiveSuspension suspension = killSwitch.suspensionOf(v.id()).orElse(null);
        if (suspension != null && suspension.scope().containsAll(v.capabilities())) {
            return Decision.deny(DenyReason.VENDOR_SUSPENDED, version);
        }
        if ((suspension != null && suspension.covers(req.capability())) || !v.capabilities().contains(req.capability())) {
            return Decision.deny(DenyReason.CAPABILITY_SUSPENDED, version);
        }
        Row src = DeviceReads.find(rows, v.id(), req.sourceDeviceId());
        Row tgt = target(req, rows);
        if (src == null || src.removed() || tgt == null || tgt.removed()) {
            return Decision.deny(DenyReason.DEVICE_UNKNOWN, version);
        }
        if (src.disabled() || tgt.disabled()) {
            return Decision.deny(DenyReason.DEVICE_DISABLED, version);
        }
        if (certifications.isSuspended(v.id(), src.modelCode(), tgt.surfaceCode())) {
            return Decision.deny(DenyReason.NOT_CERTIFIED, version);
        }
        if (src.inConflict() || tgt.inConflict()) {
            return Decision.deny(DenyReason.OWNERSHIP_CONFLICT, version);
        }
        if (!src.owned() || !tgt.owned()) {
            return Decision.deny(DenyReason.LINK_ENDED, version);
        }
        if (src.needsRelink() || tgt.needsRelink()) {
            return Decision.deny(DenyReason.LINK_NEEDS_RELINK, version);
        }
        if (req.requesterAccountId() != tgt.ownerId()) {
            return Decision.deny(DenyReason.REQUESTER_NOT_OWNER, version);
        }
        CacheKeys.Verified key = state.cacheKeys().verify(req.cacheKey());
        boolean keyOfSource = key.check() != CacheKeys.Check.FORGED && key.claims().vendorId() == v.id()
                && key.claims().deviceId() == src.id();
        if (!src.ownerId().equals(tgt.ownerId())) {
            return ownersDiffer(v, version, src, tgt, req, keyOfSource ? key.claims() : null);
        }
        if (!keyOfSource) {
            return Decision.deny(DenyReason.FORGED_CACHE_KEY, version);
        }
        if (key.claims().ownerId() != src.ownerId()) {
            violations.report(v, version, src, tgt, req, "the cache key was issued to another owner", key.claims(),
                    EvidenceGrade.PROVEN);
            return Decision.deny(DenyReason.OWNER_MISMATCH, version);
        }
        long versionId = version == null ? 0 : version.id();
        if (key.check() == CacheKeys.Check.RETIRED || key.claims().epoch() != src.epoch()
                || key.claims().cacheVersionId() != versionId) {
            return Decision.deny(DenyReason.STALE_CACHE_KEY, version);
        }
        return Decision.allow(version);
    }

    /**
     * Source and target of different households. With a genuine key of the source device issued to the
     * requester, the device has moved since (transfer, relink): stale. With one issued to another owner, that
     * owner's content came with the request: proven. Without one, the request merely names the devices.
     */
    private Decision ownersDiffer(VendorState v, Version version, Row src, Row tgt, AuthorizeRequest req,
                                  CacheKeys.Claims key) {
        if (key != null && key.ownerId() == req.requesterAccountId()) {
            return Decision.deny(DenyReason.OWNER_CHANGED, version);
        }
        if (key != null) {
            violations.report(v, version, src, tgt, req, "the cache key was issued to another owner", key,
                    EvidenceGrade.PROVEN);
        } else {
            violations.report(v, version, src, tgt, req, "source and target have different owners", null,
                    EvidenceGrade.CLAIMED);
        }
        return Decision.deny(DenyReason.OWNER_MISMATCH, version);
    }

    // --- shared ------------------------------------------------------------------------------------

    private boolean suspendedEntirely(VendorState v) {
        // resolve's rule only: memory may be as old as resolve allows (DecisionState#servesResolve)
        return killSwitch.suspensionOf(v.id(), state.resolveMaxStaleness())
                .map(s -> s.scope().containsAll(v.capabilities())).orElse(false);
    }

    /** {@link #effectiveVersion(VendorState, String)} of a known device, its bucket memoized. */
    static Version effectiveVersion(VendorState v, DeviceEntry device) {
        DecisionState.ActiveRollout r = v.rollout();
        return r == null ? v.stable() : versionInBucket(r, device.bucket(r));
    }

    /** Stable, or the rollout's target when the device's bucket is inside the current stage. */
    static Version effectiveVersion(VendorState v, String vendorDeviceId) {
        DecisionState.ActiveRollout r = v.rollout();
        return r == null ? v.stable() : versionInBucket(r, Buckets.bucket(r.salt(), vendorDeviceId));
    }

    private static Version versionInBucket(DecisionState.ActiveRollout r, int bucket) {
        return Buckets.inStage(bucket, r.percent()) ? r.to() : r.from();
    }
}
