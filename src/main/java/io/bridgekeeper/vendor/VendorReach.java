package io.bridgekeeper.vendor;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much of the platform a vendor reaches: live links and devices of real households (canaries, the
 * synthetic households that probe isolation, are left out). Read straight from the tables,
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
                       (select count(*) from account_link l join account a on a.id = l.account_id
                        where l.vendor_id = v.id and l.status = 'LIVE' and not a.canary) as links,
                       (select count(*) from device d left join account a on a.id = d.owner_account_id
                        where d.vendor_id = v.id and d.state <> 'REMOVED' and a.canary is not true) as devices
                from vendor v where v.id in (:ids)
                """, Map.of("ids", vendorIds),
                rs -> {
                    result.put(rs.getLong("id"), new Counts(rs.getLong("links"), rs.getLong("devices")));
                });
        return result;
    }
}
