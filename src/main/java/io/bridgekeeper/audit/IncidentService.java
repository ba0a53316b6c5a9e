package io.bridgekeeper.audit;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents opened by isolation violations, guards, or by hand. */
@Service
@Transactional(readOnly = true)
public class IncidentService {

    private final JdbcTemplate jdbc;

    IncidentService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Incidents not yet resolved. */
    @RolesAllowed(Roles.ADMIN)
    public long countOpen() {
        Long n = jdbc.queryForObject("select count(*) from incident where state <> 'RESOLVED'", Long.class);
        return n == null ? 0 : n;
    }
}
