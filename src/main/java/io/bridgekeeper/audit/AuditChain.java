package io.bridgekeeper.audit;

import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifies the hash chain in one pass inside PostgreSQL: each event's hash is recomputed with the
 * same function that wrote it ({@code audit_event_hash}) and its prev_hash compared with the hash of
 * the event before it (a window function), so millions of rows never travel to the JVM. Used by
 * the admin's button ({@link AuditVerification}) and by the {@code --audit-verify} command.
 */
@Component
class AuditChain {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditChain(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ChainVerification verify() {
        long started = clock.millis();
        record Broken(long id, ChainVerification.Problem problem) {
        }
        Broken broken = jdbc.query("""
                with chain as (
                    select id, prev_hash, hash,
                           coalesce(lag(hash) over (order by id), ?) as expected_prev,
                           audit_event_hash(prev_hash, occurred_at, actor_type, actor_id, actor_name, action,
                                            target_type, target_id, vendor_id, before_state, after_state,
                                            client_address) as recomputed
                    from audit_event)
                select id, case when prev_hash <> expected_prev then 'PREV_HASH_MISMATCH' else 'HASH_MISMATCH' end as problem
                from chain
                where prev_hash <> expected_prev or hash <> recomputed
                order by id
                limit 1
                """, rs -> rs.next()
                ? new Broken(rs.getLong("id"), ChainVerification.Problem.valueOf(rs.getString("problem"))) : null,
                AuditLog.GENESIS);
        long millis;
        if (broken == null) {
            var totals = jdbc.queryForMap("select count(*) as n, max(id) as last from audit_event");
            millis = clock.millis() - started;
            return new ChainVerification(((Number) totals.get("n")).longValue(), (Long) totals.get("last"), null,
                    null, millis);
        }
        var before = jdbc.queryForMap("select count(*) as n, max(id) as last from audit_event where id < ?",
                broken.id());
        millis = clock.millis() - started;
        return new ChainVerification(((Number) before.get("n")).longValue() + 1, (Long) before.get("last"),
                broken.id(), broken.problem(), millis);
    }
}
