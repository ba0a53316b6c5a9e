package io.bridgekeeper.link;

import io.bridgekeeper.vendor.ReachCounter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The link module's part of a vendor's reach: real households with a live link, and the live links. */
@Component
class LinkReach implements ReachCounter {

    private final NamedParameterJdbcTemplate jdbc;

    LinkReach(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Reach> reachOf(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        jdbc.query("""
                select l.vendor_id, count(distinct l.account_id) as households, count(*) as links
                from account_link l join account a on a.id = l.account_id
                where l.vendor_id in (:ids) and l.status = 'LIVE' and not a.canary
                group by l.vendor_id
                """, Map.of("ids", vendorIds), rs -> {
                    result.put(rs.getLong("vendor_id"), new Reach(rs.getLong("households"), rs.getLong("links"), 0, 0, 0));
                });
        return result;
    }
}
