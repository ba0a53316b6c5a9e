package io.bridgekeeper.rollout;

import io.bridgekeeper.vendor.ReachCounter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The rollout module's part of a vendor's reach: its running rollouts, which a suspension pauses. */
@Component
class RolloutReach implements ReachCounter {

    private final NamedParameterJdbcTemplate jdbc;

    RolloutReach(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Reach> reachOf(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        jdbc.query("""
                select vendor_id, count(*) as running from rollout
                where vendor_id in (:ids) and state = 'RUNNING' group by vendor_id
                """, Map.of("ids", vendorIds), rs -> {
                    result.put(rs.getLong("vendor_id"), new Reach(0, 0, 0, 0, rs.getLong("running")));
                });
        return result;
    }
}
