package io.bridgekeeper.device;

import io.bridgekeeper.vendor.ReachCounter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The device module's part of a vendor's reach: its devices of real households, and how many are camera-like. */
@Component
class DeviceReach implements ReachCounter {

    private final NamedParameterJdbcTemplate jdbc;

    DeviceReach(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Reach> reachOf(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        jdbc.query("""
                select d.vendor_id, count(*) as devices,
                       count(*) filter (where d.kind in ('CAMERA', 'DOORBELL')) as cameras
                from device d left join account a on a.id = d.owner_account_id
                where d.vendor_id in (:ids) and d.state <> 'REMOVED' and a.canary is not true
                group by d.vendor_id
                """, Map.of("ids", vendorIds), rs -> {
                    result.put(rs.getLong("vendor_id"), new Reach(0, 0, rs.getLong("devices"), rs.getLong("cameras"), 0));
                });
        return result;
    }
}
