package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.vendor.VendorSuspended;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A suspended vendor's running rollouts pause in the same transaction as the suspension (a plain,
 * synchronous listener), so no stage can advance between the suspension and the pause. Resuming
 * the vendor does not resume them: a person decides that.
 */
@Component
class PauseRolloutsOnSuspension {

    private final RolloutStore store;
    private final AuditLog audit;

    PauseRolloutsOnSuspension(RolloutStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @EventListener
    void on(VendorSuspended event) {
        String reason = "Vendor suspended (" + event.reasonCode() + "): " + event.reasonText();
        List<Long> paused = store.pauseRunning(event.vendorId(), reason);
        for (Long id : paused) {
            audit.record(AuditActor.system("vendor suspended: pause its rollouts"), RolloutAuditAction.ROLLOUT_PAUSED, "rollout", id,
                    event.vendorId(), Map.of("state", "RUNNING"),
                    Map.of("state", "PAUSED", "reason", reason, "suspensionId", event.suspensionId(),
                            "at", Timestamp.from(event.suspendedAt()).toInstant().toString()));
        }
    }
}
