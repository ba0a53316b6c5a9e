package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditSearch;
import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rollout page in one call: the rollout is read (and its partner scope checked) once, and the
 * vendor's device ids, which progress and the next stage's reach are counted from, once, in one
 * read-only transaction, so the parts of the page agree with each other.
 */
@Service
@Transactional(readOnly = true)
public class RolloutPages {

    /** Everything the rollout page shows, as of one moment. */
    public record RolloutPage(RolloutDetail rollout, Set<RolloutAction> actions, List<RolloutIncident> incidents,
                              GuardReading reading, DeviceProgress progress, long devicesMovedByNextStage,
                              List<TelemetryPoint> telemetry, List<RolloutAuditEntry> auditTrail) {
    }

    private final RolloutService rollouts;
    private final RolloutStore queries;
    private final IncidentService incidents;
    private final AuditSearch audit;
    private final Clock clock;

    RolloutPages(RolloutService rollouts, RolloutStore queries, IncidentService incidents, AuditSearch audit,
                 Clock clock) {
        this.rollouts = rollouts;
        this.incidents = incidents;
        this.audit = audit;
        this.queries = queries;
        this.clock = clock;
    }

    /** The page of a rollout in the caller's scope; another vendor's rollout is "not found". */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public RolloutPage page(long rolloutId) {
        RolloutDetail r = rollouts.detail(rolloutId);
        List<String> deviceIds = queries.deviceIds(r.vendorId());
        Instant now = clock.instant();
        return new RolloutPage(r, rollouts.allowedActions(r), incidents(rolloutId), queries.reading(r, now),
                progress(r, deviceIds), devicesMovedByNextStage(r, deviceIds), telemetry(r, now),
                auditTrail(rolloutId));
    }

    /** The rollout's incidents, read through the audit module that owns them. */
    private List<RolloutIncident> incidents(long rolloutId) {
        return incidents.ofRollout(rolloutId).stream().map(i -> new RolloutIncident(i.id(), i.kind().name(),
                i.severity().name(), i.state().name(), i.title(), i.openedAt())).toList();
    }

    /** What the audit log says about the rollout, oldest first, read through the audit module. */
    private List<RolloutAuditEntry> auditTrail(long rolloutId) {
        return audit.trail("rollout", String.valueOf(rolloutId)).stream().map(e -> new RolloutAuditEntry(e.id(),
                e.occurredAt(), e.actorName(), e.action(), e.before(), e.after())).toList();
    }

    /** Devices on the target version now, and the vendor's devices in all. */
    private static DeviceProgress progress(RolloutDetail r, List<String> devices) {
        int percent = r.currentPercent();
        long moved = devices.stream().filter(d -> Buckets.inStage(Buckets.bucket(r.salt(), d), percent)).count();
        return new DeviceProgress(moved, devices.size());
    }

    /** How many more of the vendor's devices the next stage moves to the target version (0 on the last stage). */
    private static long devicesMovedByNextStage(RolloutDetail r, List<String> deviceIds) {
        Integer next = r.nextPercent();
        if (next == null) {
            return 0;
        }
        int from = r.state().isActive() ? r.currentPercent() : 0;
        return deviceIds.stream().mapToInt(d -> Buckets.bucket(r.salt(), d))
                .filter(b -> !Buckets.inStage(b, from) && Buckets.inStage(b, next)).count();
    }

    /** The target version's deliveries and errors per minute since the rollout started (at most a day). */
    private List<TelemetryPoint> telemetry(RolloutDetail r, Instant now) {
        Instant end = r.endedAt() != null ? r.endedAt() : now;
        Instant start = r.startedAt() != null ? r.startedAt() : end.minusSeconds(3600);
        if (start.isBefore(end.minusSeconds(86_400))) {
            start = end.minusSeconds(86_400);
        }
        return queries.series(r.vendorId(), r.toVersionId(), start, end);
    }
}
