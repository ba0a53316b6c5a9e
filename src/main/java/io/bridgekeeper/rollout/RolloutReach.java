package io.bridgekeeper.rollout;

import io.bridgekeeper.vendor.ReachCounter;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The rollout module's part of a vendor's reach: its running rollouts, which a suspension pauses. */
@Component
class RolloutReach implements ReachCounter {

    private final RolloutStore store;

    RolloutReach(RolloutStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Reach> reachOf(Collection<Long> vendorIds) {
        return store.reach(vendorIds);
    }
}
