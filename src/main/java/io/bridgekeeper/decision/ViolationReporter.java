package io.bridgekeeper.decision;

import io.bridgekeeper.audit.EvidenceGrade;
import io.bridgekeeper.audit.IsolationViolation;
import io.bridgekeeper.base.cluster.NodeIdentity;
import io.bridgekeeper.decision.DeviceReads.Row;
import io.bridgekeeper.decision.DecisionState.VendorState;
import io.bridgekeeper.decision.DecisionState.Version;
import io.bridgekeeper.rollout.RolloutGuards;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * An authorization refused because one household's data was about to reach another: recorded with
 * its evidence and its grade and handed to the rollout guard before the answer goes back. Proven
 * evidence halts and rolls back the vendor's running rollout, opens or extends the SEV1 incident and
 * switches the vendor's cameras off by its policy; claimed evidence opens an incident and counts toward the vendor's
 * threshold. The denial stands even if recording fails.
 */
@Component
class ViolationReporter {

    private static final Logger log = LoggerFactory.getLogger(ViolationReporter.class);

    private final RolloutGuards guards;
    private final JdbcTemplate jdbc;
    private final DecisionMetrics metrics;
    private final NodeIdentity node;
    private final Clock clock;

    ViolationReporter(RolloutGuards guards, JdbcTemplate jdbc, DecisionMetrics metrics, NodeIdentity node, Clock clock) {
        this.guards = guards;
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.node = node;
        this.clock = clock;
    }

    private static ServiceCredentialPrincipal caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ServiceCredentialPrincipal p ? p : null;
    }

    void report(VendorState v, Version version, Row src, Row tgt, AuthorizeRequest req, String what,
                CacheKeys.Claims key, EvidenceGrade grade) {
        metrics.violation();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("what", what);
        evidence.put("evidenceGrade", grade.name());
        evidence.put("vendor", v.slug());
        evidence.put("capability", req.capability().name());
        evidence.put("sourceDevice", req.sourceDeviceId());
        evidence.put("sourceOwnerAccountId", src.ownerId());
        evidence.put("targetDevice", (req.targetVendor() == null ? "" : req.targetVendor() + "/") + req.targetDeviceId());
        evidence.put("targetOwnerAccountId", tgt.ownerId());
        evidence.put("requesterAccountId", req.requesterAccountId());
        evidence.put("effectiveCacheVersion", version == null ? null : version.label());
        if (key != null) {
            evidence.put("cacheKeyOwnerAccountId", key.ownerId());
            evidence.put("cacheKeyEpoch", key.epoch());
            evidence.put("cacheKeyVersionId", key.cacheVersionId());
        }
        evidence.put("node", node.id());
        ServiceCredentialPrincipal caller = caller();
        if (caller != null) {
            evidence.put("credential", caller.name() + " (bkd_" + caller.keyPrefix() + "_…)");
        }
        try {
            guards.reportIsolationViolation(new IsolationViolation(clock.instant(), v.id(), src.id(), tgt.id(),
                    req.requesterAccountId(), DenyReason.OWNER_MISMATCH.name(), version == null ? null : version.id(),
                    null, evidence, grade));
        } catch (RuntimeException e) {
            log.error("Could not record an isolation violation of vendor {} ({}); the delivery was denied", v.slug(),
                    evidence, e);
        }
        if (caller != null) {
            try {
                // what flags a credential whose requests keep producing mismatches (Decision API page)
                jdbc.update("insert into credential_mismatch (credential_id, vendor_id, occurred_at, evidence_grade) "
                        + "values (?, ?, ?, ?)", caller.credentialId(), v.id(), Timestamp.from(clock.instant()), grade.name());
            } catch (RuntimeException e) {
                log.error("Could not count a mismatch against credential {}", caller.keyPrefix(), e);
            }
        }
    }
}
