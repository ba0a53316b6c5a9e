package io.bridgekeeper.vendor;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much of the platform a vendor reaches: live links and devices. Read straight from the tables,
 * so that the vendor module need not depend on the link and device modules (which depend on it).
 */
@Component
class VendorReach {

    record Counts(long liveLinks, long devices) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    VendorReach(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Counts> of(Collection<Long> vendorIds) {
        Map<Long, Counts> result = new HashMap<>();
        if (vendorIds.isEmpty()) {
            return result;
        }
        jdbc.query("""
                select v.id,
                       (select count(*) from account_link l where l.vendor_id = v.id and l.status = 'LIVE') as links,
                       (select count(*) from device d where d.vendor_id = v.id and d.state <> 'REMOVED') as devices
                from vendor v where v.id in (:ids)
                """, Map.of("ids", vendorIds),
                rs -> {
                    result.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        return result;
    }
}
