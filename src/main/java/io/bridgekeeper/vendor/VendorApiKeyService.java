package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final VendorStore store;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    VendorApiKeyService(VendorStore store, VendorAccess access, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
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
            throw DomainException.invalidField("invalid-key-name", "name", new Refusal("refusal.vendor.invalid-key-name"));
        }
        TextRules.requireCleanName("name", trimmed);
        String prefix = ApiKeyHashing.newPrefix();
        String secret = ApiKeyHashing.newKey(prefix);
        long id = store.insertApiKey(vendorId, trimmed, prefix, ApiKeyHashing.hash(secret), currentUser.id(),
                clock.instant());
        audit.record(VendorAuditAction.API_KEY_CREATED, "vendor_api_key", id, vendorId, null,
                Map.of("name", trimmed, "prefix", prefix));
        return new NewApiKey(id, trimmed, prefix, secret);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public List<ApiKeySummary> list(long vendorId) {
        access.requireManage(vendorId);
        return store.apiKeys(vendorId);
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public void revoke(long vendorId, long keyId) {
        access.requireManage(vendorId);
        if (!store.revokeApiKey(vendorId, keyId, currentUser.id(), clock.instant())) {
            throw DomainException.conflict("key-not-active", new Refusal("refusal.vendor.key-not-active"));
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
        return store.keysWithPrefix(prefix).stream().filter(k -> ApiKeyHashing.matches(rawKey, k.keyHash()))
                .findFirst().map(k -> {
                    if (k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                        store.keyUsed(k.id(), now);
                    }
                    return new VendorKeyPrincipal(k.id(), k.vendorId(), k.vendorSlug(), prefix);
                });
    }
}
