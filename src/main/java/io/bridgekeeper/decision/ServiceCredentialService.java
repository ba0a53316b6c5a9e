package io.bridgekeeper.decision;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Service credentials of the platform's data plane, the only callers of the decision API:
 * {@code bkd_<prefix>_<secret>} (6 random bytes of prefix, 32 of secret), stored as SHA-256 (the
 * secret has 256 bits of entropy, so a fast hash is safe). Admins create them (the key is shown
 * once) and revoke them. Every node holds the live ones in memory, so checking a request costs one
 * hash; a revocation reaches every node through the decision state's NOTIFY.
 */
@Service
@Transactional
public class ServiceCredentialService {

    /** The longest name a credential may have (the column's width). */
    public static final int MAX_NAME_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(ServiceCredentialService.class);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final HexFormat HEX = HexFormat.of();

    private record Live(long id, String name, String prefix, byte[] hash) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Map<Long, Instant> lastUsed = new ConcurrentHashMap<>();
    private volatile Map<String, Live> live = Map.of();

    ServiceCredentialService(JdbcTemplate jdbc, AuditLog audit, CurrentUser currentUser, Clock clock,
                             DecisionState state) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        state.onCredentialsChanged(this::reload);
        reload();
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<ServiceCredentialRow> list() {
        return jdbc.query("""
                select c.id, c.name, c.key_prefix, c.created_at, ca.email, c.revoked_at, ra.email, c.last_used_at
                from service_credential c
                left join account ca on ca.id = c.created_by
                left join account ra on ra.id = c.revoked_by
                order by c.revoked_at is not null, c.created_at desc
                """, (rs, i) -> new ServiceCredentialRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7),
                instant(rs.getTimestamp(8))));
    }

    /** Whether a live credential already has this name (case-insensitive), for a form that checks as you type. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public boolean isNameTaken(String name) {
        String clean = name == null ? "" : name.strip();
        return !clean.isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from service_credential where lower(name) = lower(?) and revoked_at is null)",
                Boolean.class, clean));
    }

    /** Creates a credential; the returned key is shown once and never stored. */
    @RolesAllowed(Roles.ADMIN)
    public NewServiceCredential create(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw DomainException.invalidField("name-required", "name", "Give the credential a name, e.g. the data-plane cluster that uses it.");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw DomainException.invalidField("name-too-long", "name", "Keep the name to " + MAX_NAME_LENGTH + " characters.");
        }
        String prefix = HEX.formatHex(KeyGenerators.secureRandom(6).generateKey());
        String key = "bkd_" + prefix + "_" + HEX.formatHex(KeyGenerators.secureRandom(32).generateKey());
        Instant now = clock.instant();
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into service_credential (name, key_prefix, key_hash, created_at, created_by)
                    values (?, ?, ?, ?, ?) returning id
                    """, Long.class, clean, prefix, DigestUtils.sha256Hex(key), Timestamp.from(now), currentUser.id());
        } catch (DuplicateKeyException e) {
            throw DomainException.conflictOnField("name-taken", "name",
                    "A live credential is already called '" + clean + "'. Choose another name or revoke that one.");
        }
        audit.record("SERVICE_CREDENTIAL_CREATED", "service_credential", id, null, null,
                Map.of("name", clean, "prefix", prefix));
        reloadAfterCommit();
        return new NewServiceCredential(id, clean, key);
    }

    /** Revokes a credential: every node refuses it from the moment the change reaches it. */
    @RolesAllowed(Roles.ADMIN)
    public void revoke(long id) {
        Map<String, Object> before = jdbc.query("select name, key_prefix, revoked_at from service_credential where id = ?",
                rs -> rs.next() ? Map.<String, Object>of("name", rs.getString(1), "prefix", rs.getString(2),
                        "revoked", rs.getTimestamp(3) != null) : null, id);
        if (before == null) {
            throw DomainException.notFound("no-such-credential", "There is no service credential " + id + ".");
        }
        if (Boolean.TRUE.equals(before.get("revoked"))) {
            throw DomainException.conflict("already-revoked", "'" + before.get("name") + "' is already revoked.");
        }
        jdbc.update("update service_credential set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), currentUser.id(), id);
        audit.record("SERVICE_CREDENTIAL_REVOKED", "service_credential", id, null, before,
                Map.of("name", before.get("name"), "prefix", before.get("prefix"), "revoked", true));
        reloadAfterCommit();
    }

    /** The credential a raw key belongs to, if it is live. For the decision API's filter; no database read. */
    @PermitAll
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<ServiceCredentialPrincipal> authenticate(String rawKey) {
        if (rawKey == null || !rawKey.startsWith("bkd_") || rawKey.length() > 100) {
            return Optional.empty();
        }
        int end = rawKey.indexOf('_', 4);
        Live c = end > 4 ? live.get(rawKey.substring(4, end)) : null;
        if (c == null || !MessageDigest.isEqual(DigestUtils.sha256(rawKey), c.hash())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = lastUsed.get(c.id());
        if (last == null || last.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            lastUsed.put(c.id(), now);
            try {
                jdbc.update("update service_credential set last_used_at = ? where id = ?", Timestamp.from(now), c.id());
            } catch (DataAccessException e) {
                // "last used" is a hint for the portal: a database that is briefly away must not refuse the
                // data plane, whose credentials are held in memory; the next minute's use writes it again
                log.info("Could not record the use of credential {}: {}", c.prefix(), e.getMessage());
            }
        }
        return Optional.of(new ServiceCredentialPrincipal(c.id(), c.name(), c.prefix()));
    }

    private void reload() {
        Map<String, Live> next = new java.util.HashMap<>();
        jdbc.query("select id, name, key_prefix, key_hash from service_credential where revoked_at is null",
                rs -> {
                    next.put(rs.getString(3), new Live(rs.getLong(1), rs.getString(2), rs.getString(3),
                            HEX.parseHex(rs.getString(4))));
                });
        live = Map.copyOf(next);
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
