package io.bridgekeeper.device;

import io.bridgekeeper.vendor.ReachCounter;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The device module's part of a vendor's reach: its devices of real households, and how many are camera-like. */
@Component
class DeviceReach implements ReachCounter {

    private final DeviceStore store;

    DeviceReach(DeviceStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Reach> reachOf(Collection<Long> vendorIds) {
        return store.reach(vendorIds);
    }
}
