package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Telemetry from vendors' clouds: per cache version and minute, deliveries, errors and the
 * isolation violations they detected. A batch is all or nothing; a violation in it halts the
 * vendor's rollout in the same transaction, before the vendor gets its answer.
 */
@Service
public class TelemetryService {

    static final int MAX_REPORTS = 1000;
    /** Per cache version and minute: far above any real fleet, low enough that sums of a batch cannot overflow. */
    static final long MAX_PER_MINUTE = 1_000_000_000L;
    private static final Duration MAX_AGE = Duration.ofDays(7);

    private final RolloutStore store;
    private final RolloutGuards guards;
    private final AuditLog audit;
    private final Clock clock;

    TelemetryService(RolloutStore store, RolloutGuards guards, AuditLog audit, Clock clock) {
        this.store = store;
        this.guards = guards;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a batch did: how many minutes were stored, and the incident a violation opened, if any. */
    public record Outcome(int accepted, long isolationViolations, Long incidentId) {
    }

    @RolesAllowed(Roles.VENDOR)
    @Transactional
    public Outcome report(long vendorId, List<TelemetryReport> reports) {
        if (reports == null || reports.isEmpty() || reports.size() > MAX_REPORTS) {
            throw DomainException.invalidField("invalid-telemetry", "reports", new Refusal("refusal.rollout.invalid-telemetry", String.valueOf(MAX_REPORTS)));
        }
        Instant now = clock.instant();
        Map<String, Long> versions = store.versionIds(vendorId);
        Map<Long, Long> violationsByVersion = new LinkedHashMap<>();
        long deliveries = 0;
        long errors = 0;
        for (int i = 0; i < reports.size(); i++) {
            TelemetryReport r = reports.get(i);
            String at = "reports[" + i + "]";
            if (r == null) {
                throw DomainException.invalidField("invalid-telemetry", at, new Refusal("refusal.rollout.invalid-telemetry-2"));
            }
            Long version = r.cacheVersion() == null ? null : versions.get(r.cacheVersion().trim());
            if (version == null) {
                throw DomainException.invalidField("unknown-cache-version", at + ".cacheVersion", new Refusal("refusal.rollout.unknown-cache-version", String.valueOf(r.cacheVersion())));
            }
            if (r.minute() == null || !r.minute().truncatedTo(ChronoUnit.MINUTES).equals(r.minute())) {
                throw DomainException.invalidField("invalid-minute", at + ".minute", new Refusal("refusal.rollout.invalid-minute"));
            }
            if (r.minute().isAfter(now) || r.minute().isBefore(now.minus(MAX_AGE))) {
                throw DomainException.invalidField("invalid-minute", at + ".minute", new Refusal("refusal.rollout.invalid-minute-2"));
            }
            long d = count(r.deliveries(), at + ".deliveries");
            long e = count(r.errors(), at + ".errors");
            long v = count(r.isolationViolations(), at + ".isolationViolations");
            if (e > d) {
                throw DomainException.invalidField("invalid-counts", at + ".errors", new Refusal("refusal.rollout.invalid-counts"));
            }
            // a minute reported again replaces the counts: a retried request never counts twice
            store.saveTelemetry(vendorId, version, r.minute(), d, e, v);
            deliveries += d;
            errors += e;
            if (v > 0) {
                violationsByVersion.merge(version, v, Long::sum);
            }
        }
        long violations = violationsByVersion.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reports", reports.size());
        after.put("deliveries", deliveries);
        after.put("errors", errors);
        after.put("isolationViolations", violations);
        audit.record(RolloutAuditAction.TELEMETRY_REPORTED, "vendor", vendorId, vendorId, null, after);
        Long incident = null;
        for (Map.Entry<Long, Long> e : violationsByVersion.entrySet()) {
            incident = guards.breach(vendorId, e.getKey(), e.getValue(), "VENDOR",
                    Map.of("reportedBy", "vendor telemetry"), now, null);
        }
        return new Outcome(reports.size(), violations, incident);
    }

    private static long count(Long value, String field) {
        if (value == null || value < 0) {
            throw DomainException.invalidField("invalid-counts", field, new Refusal("refusal.rollout.invalid-counts-2"));
        }
        if (value > MAX_PER_MINUTE) {
            throw DomainException.invalidField("invalid-counts", field, new Refusal("refusal.rollout.invalid-counts-3", String.valueOf(MAX_PER_MINUTE)));
        }
        return value;
    }
}
