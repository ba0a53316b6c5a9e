package io.bridgekeeper.vendor;

import io.bridgekeeper.vendor.ReachCounter.Reach;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How much of the platform a vendor reaches (real households, live links, devices, running
 * rollouts): the sum of what the modules that own those tables count ({@link ReachCounter}).
 */
@Component
class VendorReach {

    private final List<ReachCounter> counters;

    VendorReach(List<ReachCounter> counters) {
        this.counters = counters;
    }

    /** Every given vendor's reach, {@link Reach#NONE} for one that reaches nothing. */
    Map<Long, Reach> of(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        vendorIds.forEach(id -> result.put(id, Reach.NONE));
        if (vendorIds.isEmpty()) {
            return result;
        }
        for (ReachCounter counter : counters) {
            counter.reachOf(vendorIds).forEach((id, part) -> result.merge(id, part, Reach::plus));
        }
        return result;
    }

    Reach of(long vendorId) {
        return of(List.of(vendorId)).get(vendorId);
    }
}
