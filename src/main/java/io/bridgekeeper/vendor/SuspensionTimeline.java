package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.IncidentTimelineSource;
import io.bridgekeeper.audit.TimelineEntry;
import io.bridgekeeper.vendor.VendorStore.Applied;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** For an incident's timeline: when each node applied (or lifted) the vendor's suspensions. */
@Component
class SuspensionTimeline implements IncidentTimelineSource {

    private final VendorStore store;

    SuspensionTimeline(VendorStore store) {
        this.store = store;
    }

    @Override
    public List<TimelineEntry> entries(long vendorId, Instant since) {
        return store.appliedSince(vendorId, since.minusSeconds(1)).stream()
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
