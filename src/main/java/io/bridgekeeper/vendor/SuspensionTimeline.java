package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.IncidentTimelineSource;
import io.bridgekeeper.audit.TimelineEntry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** For an incident's timeline: when each node applied (or lifted) the vendor's suspensions. */
@Component
class SuspensionTimeline implements IncidentTimelineSource {

    private final JdbcClient jdbc;

    SuspensionTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Applied(long suspensionId, String nodeId, String change, Instant appliedAt, Instant suspendedAt,
                           Instant liftedAt) {
    }

    @Override
    public List<TimelineEntry> entries(long vendorId, Instant since) {
        return jdbc.sql("""
                        select a.suspension_id, a.node_id, a.change, a.applied_at, s.suspended_at, s.lifted_at
                        from suspension_application a join suspension s on s.id = a.suspension_id
                        where s.vendor_id = ? and s.suspended_at >= ?
                        order by a.applied_at""")
                .param(vendorId).param(Timestamp.from(since.minusSeconds(1)))
                .query(Applied.class).list().stream()
                .map(a -> new TimelineEntry(a.appliedAt(), "SUSPENDED".equals(a.change()) ? "APPLIED_ON_NODE"
                        : "LIFTED_ON_NODE", "node " + a.nodeId(), text(a)))
                .toList();
    }

    private static String text(Applied a) {
        boolean suspended = "SUSPENDED".equals(a.change());
        Instant from = suspended ? a.suspendedAt() : a.liftedAt();
        String after = from == null ? "" : " (" + Duration.between(from, a.appliedAt()).toMillis() + " ms after the "
                + (suspended ? "suspension" : "resume") + " was committed)";
        return (suspended ? "Suspension applied on node " : "Resume applied on node ") + a.nodeId() + after
                + (suspended ? ": this node refuses the suspended deliveries from memory." : ".");
    }
}
