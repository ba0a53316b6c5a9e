package io.bridgekeeper.decision;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.audit.EvidenceGrade;
import io.bridgekeeper.audit.EvidenceKind;
import io.bridgekeeper.audit.IsolationViolation;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.decision.DecisionState.VendorState;
import io.bridgekeeper.decision.ObservationStore.DeviceRow;
import io.bridgekeeper.rollout.RolloutGuards;
import io.bridgekeeper.rollout.RolloutGuards.ActiveStage;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery observations: what displays actually received, reported (sampled) by the data plane or by
 * the vendor. The content's household is the owner inside the genuinely signed cache key that came with
 * it (whose image it is, whoever owns the camera now); the display's household is its owner now. When
 * they differ, one household's image reached another's display: an isolation violation, evidence kind
 * OBSERVED and graded PROVEN, handed to the rollout guard like a proven denied authorization (SEV1,
 * halt and roll back, suspension of the vendor's camera capabilities by policy, exposure report).
 * A batch is checked whole before anything is stored: one bad item refuses it all.
 */
@Service
public class ObservationService {

    public static final int MAX_BATCH = 500;
    /** Observations are sampled and may be sent late (a data plane's buffer), but not from last week. */
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** Clocks of the data plane run a little ahead at times. */
    static final Duration MAX_SKEW = Duration.ofMinutes(2);
    static final String RULE = "delivery observation: another household's content on a display";

    private final DecisionService decisions;
    private final DecisionState state;
    private final ObservationStore store;
    private final RolloutGuards guards;
    private final AuditLog audit;
    private final Clock clock;

    ObservationService(DecisionService decisions, DecisionState state, ObservationStore store, RolloutGuards guards,
                       AuditLog audit, Clock clock) {
        this.decisions = decisions;
        this.state = state;
        this.store = store;
        this.guards = guards;
        this.audit = audit;
        this.clock = clock;
    }

    /** From the data plane: a service credential allowed OBSERVE, for vendors in its scope. */
    @RolesAllowed(Roles.DECISION_CLIENT)
    @Transactional
    public ObservationResult observe(List<Observation> items) {
        CredentialScope scope = DecisionService.scope(DecisionCall.OBSERVE);
        requireSize(items);
        for (int i = 0; i < items.size(); i++) {
            Observation o = items.get(i);
            if (o != null && o.vendor() != null) {
                decisions.requireVendor(scope, "items[" + i + "].vendor", o.vendor());
            }
            if (o != null && o.displayVendor() != null) {
                decisions.requireVendor(scope, "items[" + i + "].displayVendor", o.displayVendor());
            }
        }
        return record(items, null, "DATA_PLANE", AuditActor.system("decision API: delivery observations"));
    }

    /** From the vendor's cloud (partner API): its own devices' content only. */
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    public ObservationResult observeForVendor(long vendorId, List<Observation> items) {
        requireSize(items);
        return record(items, vendorId, "VENDOR", AuditActor.system("partner API: delivery observations"));
    }

    private static void requireSize(List<Observation> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw new InvalidObservations(List.of(Map.of("field", "items", "message",
                    "Send 1 to " + MAX_BATCH + " observations in one request" + (items == null ? "." : " (got "
                            + items.size() + ")."))));
        }
    }

    /** One observation, checked: the devices and the key's claims. */
    private record Checked(Observation o, long vendorId, DeviceRow content, DeviceRow display,
                           CacheKeys.Claims key) {
        boolean sameHousehold() {
            return Objects.equals(key.ownerId(), display.ownerAccountId());
        }
    }

    private ObservationResult record(List<Observation> items, Long fixedVendor, String reportedBy, AuditActor actor) {
        Instant now = clock.instant();
        List<Map<String, String>> errors = new ArrayList<>();
        List<Checked> checked = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            checked.add(check(items.get(i), "items[" + i + "].", fixedVendor, now, errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidObservations(errors);
        }
        Map<Long, Optional<ActiveStage>> stages = new HashMap<>();
        List<ObservationResult.Item> results = new ArrayList<>(checked.size());
        int violations = 0;
        for (Checked c : checked) {
            // the stage the content was served under, read before a violation halts the rollout
            Optional<ActiveStage> stage = stages.computeIfAbsent(c.vendorId(), guards::activeStage);
            Long incident = null;
            if (!c.sameHousehold()) {
                violations++;
                incident = guards.reportIsolationViolation(violation(c, reportedBy, now));
            }
            store.insert(new ObservationStore.Row(now, c.o().observedAt(), reportedBy, c.vendorId(), c.display().id(),
                    c.content().id(), c.display().ownerAccountId(), c.content().ownerAccountId(), c.key().ownerId(),
                    c.key().cacheVersionId(), stage.map(ActiveStage::rolloutId).orElse(null),
                    stage.map(ActiveStage::percent).orElse(null), c.o().probe(),
                    incident == null ? "OK" : "VIOLATION", incident));
            results.add(new ObservationResult.Item(incident == null ? "OK" : "VIOLATION", incident));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reportedBy", reportedBy);
        after.put("observations", checked.size());
        after.put("probes", checked.stream().filter(c -> c.o().probe()).count());
        after.put("violations", violations);
        checked.stream().map(Checked::vendorId).distinct().forEach(vendorId ->
                audit.record(actor, DecisionAuditAction.OBSERVATIONS_REPORTED, "vendor", vendorId, vendorId, null, after));
        return new ObservationResult(List.copyOf(results), violations);
    }

    private IsolationViolation violation(Checked c, String reportedBy, Instant now) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("what", "a display received content of another household");
        evidence.put("evidenceKind", EvidenceKind.OBSERVED.name());
        evidence.put("reportedBy", reportedBy);
        evidence.put("observedAt", c.o().observedAt().toString());
        evidence.put("capability", c.o().capability().name());
        evidence.put("contentDevice", c.o().contentDeviceId());
        evidence.put("contentOwnerAccountId", c.key().ownerId());
        evidence.put("displayDevice", (c.o().displayVendor() == null ? "" : c.o().displayVendor() + "/")
                + c.o().displayDeviceId());
        evidence.put("displayOwnerAccountId", c.display().ownerAccountId());
        evidence.put("cacheKeyEpoch", c.key().epoch());
        evidence.put("cacheKeyVersionId", c.key().cacheVersionId());
        evidence.put("probe", c.o().probe());
        return new IsolationViolation(c.o().observedAt(), c.vendorId(), c.content().id(), c.display().id(),
                c.display().ownerAccountId(), DenyReason.OWNER_MISMATCH.name(), c.key().cacheVersionId(), null,
                evidence, EvidenceGrade.PROVEN, EvidenceKind.OBSERVED, c.key().ownerId());
    }

    private Checked check(Observation o, String at, Long fixedVendor, Instant now, List<Map<String, String>> errors) {
        if (o == null) {
            add(errors, at.substring(0, at.length() - 1), "Send a JSON object for each observation.");
            return null;
        }
        int before = errors.size();
        Long vendorId = fixedVendor;
        if (fixedVendor == null && text(errors, at + "vendor", o.vendor(), "the content's vendor slug")) {
            VendorState v = state.vendor(o.vendor());
            if (v == null) {
                add(errors, at + "vendor", "No vendor '" + o.vendor() + "'.");
            } else {
                vendorId = v.id();
            }
        }
        Long displayVendorId = null;
        if (o.displayVendor() != null && text(errors, at + "displayVendor", o.displayVendor(),
                "the display's vendor slug, or leave it out for a platform display")) {
            VendorState dv = state.vendor(o.displayVendor());
            if (dv == null) {
                add(errors, at + "displayVendor", "No vendor '" + o.displayVendor() + "'.");
            } else {
                displayVendorId = dv.id();
            }
        }
        boolean contentId = text(errors, at + "contentDeviceId", o.contentDeviceId(), "the camera the content came from");
        boolean displayId = text(errors, at + "displayDeviceId", o.displayDeviceId(), "the display that received it");
        boolean keyGiven = text(errors, at + "cacheKey", o.cacheKey(), "the cache key the vendor attached to the content");
        if (o.capability() == null) {
            add(errors, at + "capability", "Give the capability: one of CAMERA_STREAM, SNAPSHOT, CONTROL.");
        }
        if (o.observedAt() == null) {
            add(errors, at + "observedAt", "Give when the display received it, as an ISO-8601 instant.");
        } else if (o.observedAt().isAfter(now.plus(MAX_SKEW))) {
            add(errors, at + "observedAt", "In the future: at most " + MAX_SKEW.toMinutes() + " min ahead of "
                    + now + ".");
        } else if (o.observedAt().isBefore(now.minus(MAX_AGE))) {
            add(errors, at + "observedAt", "Too old: observations are taken up to " + MAX_AGE.toHours() + " h late.");
        }
        DeviceRow content = null;
        if (vendorId != null && contentId) {
            content = store.device(vendorId, o.contentDeviceId()).orElse(null);
            if (content == null) {
                // the same answer for another vendor's device: the API is no oracle of which devices exist
                add(errors, at + "contentDeviceId", "No device '" + o.contentDeviceId() + "' of this vendor.");
            }
        }
        DeviceRow display = null;
        if (displayId && (o.displayVendor() == null || displayVendorId != null)) {
            display = store.device(displayVendorId, o.displayDeviceId()).orElse(null);
            if (display == null) {
                add(errors, at + "displayDeviceId", "No " + (o.displayVendor() == null ? "platform " : "")
                        + "device '" + o.displayDeviceId() + "'" + (o.displayVendor() == null ? "." : " of that vendor."));
            }
        }
        CacheKeys.Claims claims = null;
        if (keyGiven && content != null) {
            CacheKeys.Verified key = state.cacheKeys().verify(o.cacheKey());
            if (key.check() == CacheKeys.Check.FORGED) {
                add(errors, at + "cacheKey", "Not a cache key Bridgekeeper issued (forged or damaged).");
            } else if (key.claims().deviceId() != content.id() || key.claims().vendorId() != content.vendorId()) {
                add(errors, at + "cacheKey", "This cache key was issued for another device than contentDeviceId.");
            } else {
                claims = key.claims();
            }
        }
        return errors.size() > before ? null : new Checked(o, vendorId, content, display, claims);
    }

    /** Present, at most 256 characters, clean: the text rule of every API field. */
    private static boolean text(List<Map<String, String>> errors, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            add(errors, field, "Give " + what + ".");
            return false;
        }
        if (value.length() > 256) {
            add(errors, field, "Too long: at most 256 characters.");
            return false;
        }
        String problem = TextRules.nameProblem(value);
        if (problem != null) {
            add(errors, field, problem);
            return false;
        }
        return true;
    }

    private static void add(List<Map<String, String>> errors, String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }
}
