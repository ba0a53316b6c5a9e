package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendors' API keys for the partner API: created by the vendor's partner managers (or an admin),
 * shown once, stored only as a hash, listed with their last use, revoked.
 */
@Service
@Transactional
public class VendorApiKeyService {

    /** Last use is written at most this often per key, so the partner API does not write on every call. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    VendorApiKeyService(JdbcTemplate jdbc, VendorAccess access, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public NewApiKey create(long vendorId, String name) {
        access.requireManage(vendorId);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw DomainException.invalidField("invalid-key-name", "name", "Give the key a name of 1 to 100 characters.");
        }
        TextRules.requireCleanName("name", trimmed);
        String prefix = ApiKeyHashing.newPrefix();
        String secret = ApiKeyHashing.newKey(prefix);
        Long id = jdbc.queryForObject("""
                insert into vendor_api_key (vendor_id, name, key_prefix, key_hash, created_by, created_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """, Long.class, vendorId, trimmed, prefix, ApiKeyHashing.hash(secret), currentUser.id(),
                Timestamp.from(clock.instant()));
        audit.record(VendorAuditAction.API_KEY_CREATED, "vendor_api_key", id, vendorId, null,
                Map.of("name", trimmed, "prefix", prefix));
        return new NewApiKey(id, trimmed, prefix, secret);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<ApiKeySummary> list(long vendorId) {
        access.requireManage(vendorId);
        return jdbc.query("""
                select id, name, key_prefix, created_at, last_used_at, revoked_at from vendor_api_key
                where vendor_id = ? order by revoked_at nulls first, created_at desc
                """, (rs, i) -> new ApiKeySummary(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))),
                vendorId);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public void revoke(long vendorId, long keyId) {
        access.requireManage(vendorId);
        int changed = jdbc.update("update vendor_api_key set revoked_at = ?, revoked_by = ? "
                        + "where id = ? and vendor_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), currentUser.id(), keyId, vendorId);
        if (changed == 0) {
            throw DomainException.conflict("key-not-active", "That key does not exist or is already revoked.");
        }
        audit.record(VendorAuditAction.API_KEY_REVOKED, "vendor_api_key", keyId, vendorId, Map.of("revoked", false),
                Map.of("revoked", true));
    }

    /**
     * Who a raw partner-API key belongs to, if it is valid and not revoked. Called by the partner
     * API's authentication filter before any role exists, hence open.
     */
    @PermitAll
    public Optional<VendorKeyPrincipal> authenticate(String rawKey) {
        String prefix = ApiKeyHashing.prefixOf(rawKey);
        if (prefix == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.query("""
                select k.id, k.vendor_id, v.slug as vendor_slug, k.key_hash, k.last_used_at from vendor_api_key k
                join vendor v on v.id = k.vendor_id
                where k.key_prefix = ? and k.revoked_at is null and v.status <> 'RETIRED'
                """, (rs, i) -> {
                    if (!ApiKeyHashing.matches(rawKey, rs.getString("key_hash"))) {
                        return null;
                    }
                    Timestamp last = rs.getTimestamp("last_used_at");
                    if (last == null || last.toInstant().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                        jdbc.update("update vendor_api_key set last_used_at = ? where id = ?", Timestamp.from(now),
                                rs.getLong("id"));
                    }
                    return new VendorKeyPrincipal(rs.getLong("id"), rs.getLong("vendor_id"), rs.getString("vendor_slug"), prefix);
                }, prefix).stream().filter(p -> p != null).findFirst();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
