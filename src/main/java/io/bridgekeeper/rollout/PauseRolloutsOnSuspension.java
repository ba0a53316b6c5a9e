package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.vendor.VendorSuspended;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A suspended vendor's running rollouts pause in the same transaction as the suspension (a plain,
 * synchronous listener), so no stage can advance between the suspension and the pause. Resuming
 * the vendor does not resume them: a person decides that.
 */
@Component
class PauseRolloutsOnSuspension {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    PauseRolloutsOnSuspension(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(VendorSuspended event) {
        String reason = "Vendor suspended (" + event.reasonCode() + "): " + event.reasonText();
        List<Long> paused = jdbc.queryForList("""
                update rollout set state = 'PAUSED', pause_reason = ?, version = version + 1
                where vendor_id = ? and state = 'RUNNING' returning id
                """, Long.class, reason, event.vendorId());
        for (Long id : paused) {
            audit.record(AuditActor.system("vendor suspended: pause its rollouts"), RolloutAuditAction.ROLLOUT_PAUSED, "rollout", id,
                    event.vendorId(), Map.of("state", "RUNNING"),
                    Map.of("state", "PAUSED", "reason", reason, "suspensionId", event.suspensionId(),
                            "at", Timestamp.from(event.suspendedAt()).toInstant().toString()));
        }
    }
}
