package io.bridgekeeper.audit;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.web.ClientAddress;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events: in the caller's transaction (a change cannot commit without its event), one
 * chain across all writers and nodes (an advisory lock orders them), each row hashed with the
 * previous row's hash by the database function {@code audit_event_hash}.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** The advisory lock key that serializes appends to the one chain. */
    private static final long CHAIN_LOCK = 0x6175646974L; // "audit"

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder;

    AuditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock, ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Records a change by whoever is calling (the signed-in account or the vendor key of this request). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(AuditAction action, String targetType, Object targetId, Long vendorId, Object before, Object after) {
        return record(currentActor(), action, targetType, targetId, vendorId, before, after);
    }

    /** Records a change by a named actor, e.g. {@link AuditActor#system(String)} for automatic actions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(AuditActor actor, AuditAction action, String targetType, Object targetId, Long vendorId,
                       Object before, Object after) {
        String name = action.name();
        jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        // after the table's months were all archived (AuditArchive), the chain continues from the archive's last hash
        record Last(String hash, Timestamp at) {
        }
        Last last = jdbc.query("""
                select coalesce((select hash from audit_event order by id desc limit 1),
                                (select last_hash from audit_archive order by month desc limit 1), ?) as hash,
                       (select occurred_at from audit_event order by id desc limit 1) as at
                """, rs -> rs.next() ? new Last(rs.getString("hash"), rs.getTimestamp("at")) : null, GENESIS);
        String prev = last.hash();
        // time never runs backwards along the chain, even when nodes' clocks disagree: a month partition then
        // holds one run of ids, which is what lets AuditArchive archive it as one segment of the chain
        Timestamp at = Timestamp.from(clock.instant());
        if (last.at() != null && last.at().after(at)) {
            at = last.at();
        }
        String target = targetId == null ? null : String.valueOf(targetId);
        String client = ClientAddress.current().orElse(null);
        Long id = jdbc.queryForObject("""
                insert into audit_event (occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id,
                                         vendor_id, before_state, after_state, client_address, prev_hash, hash)
                values (date_trunc('microseconds', ?::timestamptz), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?,
                        audit_event_hash(?, date_trunc('microseconds', ?::timestamptz), ?, ?, ?, ?, ?, ?, ?,
                                         ?::jsonb, ?::jsonb, ?))
                returning id
                """, Long.class,
                at, actor.auditActorType().name(), actor.auditActorId(), actor.auditActorName(), name, targetType,
                target, vendorId, toJson(before), toJson(after), client, prev,
                prev, at, actor.auditActorType().name(), actor.auditActorId(), actor.auditActorName(), name,
                targetType, target, vendorId, toJson(before), toJson(after), client);
        return id;
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    AuditActor currentActor() {
        Authentication auth = holder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuditActor actor) {
            return actor;
        }
        return AuditActor.system("unattributed");
    }
}
