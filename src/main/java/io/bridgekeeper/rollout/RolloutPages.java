package io.bridgekeeper.rollout;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
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
    private final RolloutQueries queries;
    private final Clock clock;

    RolloutPages(RolloutService rollouts, RolloutQueries queries, Clock clock) {
        this.rollouts = rollouts;
        this.queries = queries;
        this.clock = clock;
    }

    /** The page of a rollout in the caller's scope; another vendor's rollout is "not found". */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public RolloutPage page(long rolloutId) {
        RolloutDetail r = rollouts.detail(rolloutId);
        List<String> deviceIds = queries.deviceIds(r.vendorId());
        return new RolloutPage(r, rollouts.allowedActions(r), queries.incidents(rolloutId),
                queries.reading(r, clock.instant()), RolloutService.progress(r, deviceIds),
                RolloutService.devicesMovedByNextStage(r, deviceIds), rollouts.telemetry(r), queries.auditTrail(rolloutId));
    }
}
