package io.bridgekeeper.decision;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation of the cache-key signing secret. The new secret signs from now on; the one it replaces
 * still verifies, so keys the data plane holds stay valid until it re-resolves; the one before that
 * is retired and its keys are answered {@code STALE_CACHE_KEY}. Every node reloads the secrets when
 * the change commits (NOTIFY from the table's trigger).
 */
@Service
@Transactional
public class SigningSecretService {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecretSealer sealer;

    SigningSecretService(JdbcTemplate jdbc, AuditLog audit, CurrentUser currentUser, Clock clock, SecretSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<SigningSecret> list() {
        return jdbc.query("""
                select s.kid, s.status, s.created_at, a.email as created_by_email, s.retired_at
                from cache_key_secret s left join account_directory a on a.id = s.created_by
                order by s.created_at desc, s.kid desc
                """, (rs, i) -> new SigningSecret(rs.getString("kid"), SigningSecretStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_email"),
                rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()));
    }

    /** Rotates: returns the new secret's id. */
    @RolesAllowed(Roles.ADMIN)
    public String rotate() {
        // one rotation at a time, on any node
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('cache-key-secret-rotation'))");
        Instant now = clock.instant();
        List<String> retired = jdbc.queryForList(
                "update cache_key_secret set status = 'RETIRED', retired_at = ? where status = 'VERIFY' returning kid",
                String.class, Timestamp.from(now));
        String previous = jdbc.query("update cache_key_secret set status = 'VERIFY' where status = 'ACTIVE' returning kid",
                rs -> rs.next() ? rs.getString("kid") : null);
        String kid = jdbc.queryForObject("""
                insert into cache_key_secret (kid, sealed_secret, status, created_at, created_by)
                values ('k' || nextval('cache_key_secret_seq'), ?, 'ACTIVE', ?, ?) returning kid
                """, String.class, sealer.seal(KeyGenerators.secureRandom(32).generateKey()), Timestamp.from(now),
                currentUser.id());
        audit.record(DecisionAuditAction.CACHE_KEY_SECRET_ROTATED, "cache_key_secret", kid, null,
                Map.of("active", String.valueOf(previous)),
                Map.of("active", kid, "verifyOnly", String.valueOf(previous), "retired", retired));
        return kid;
    }
}
