package io.bridgekeeper.link;

import io.bridgekeeper.vendor.ReachCounter;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The link module's part of a vendor's reach: real households with a live link, and the live links. */
@Component
class LinkReach implements ReachCounter {

    private final LinkStore store;

    LinkReach(LinkStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Reach> reachOf(Collection<Long> vendorIds) {
        return store.reach(vendorIds);
    }
}
