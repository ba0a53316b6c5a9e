package io.bridgekeeper.rollout;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staged rollouts of vendors' cache versions. */
@Service
@Transactional(readOnly = true)
public class RolloutService {

    private final JdbcTemplate jdbc;

    RolloutService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rollouts that move devices right now (running or paused mid-way). */
    @RolesAllowed(Roles.ADMIN)
    public long countActive() {
        Long n = jdbc.queryForObject("select count(*) from rollout where state in ('RUNNING', 'PAUSED')", Long.class);
        return n == null ? 0 : n;
    }
}
