package io.bridgekeeper.decision;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
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
 *
 * <p>Each credential has a {@link CredentialScope}: the calls and vendors it may ask about, set and changed
 * by admins only (audited), and a rate limit per node kept in a Bucket4j token bucket per credential.
 */
@Service
@Transactional
public class ServiceCredentialService {

    /** The longest name a credential may have (the column's width). */
    public static final int MAX_NAME_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(ServiceCredentialService.class);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final HexFormat HEX = HexFormat.of();

    private record Live(long id, String name, String prefix, byte[] hash, CredentialScope scope) {
    }

    private record RateBucket(int ratePerSecond, Bucket bucket) {
    }

    private final CredentialStore store;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Map<Long, Instant> lastUsed = new ConcurrentHashMap<>();
    private final Map<Long, RateBucket> buckets = new ConcurrentHashMap<>();
    private volatile Map<String, Live> live = Map.of();

    ServiceCredentialService(CredentialStore store, AuditLog audit, CurrentUser currentUser, Clock clock,
                             DecisionState state) {
        this.store = store;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        state.onCredentialsChanged(this::reload);
        reload();
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<ServiceCredentialRow> list() {
        return store.credentials(clock.instant().minus(Duration.ofDays(1)));
    }

    /** The vendors a scope may name, by slug. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<CredentialVendor> vendorChoices() {
        return store.vendorChoices();
    }

    /** Whether a live credential already has this name (case-insensitive), for a form that checks as you type. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public boolean isNameTaken(String name) {
        String clean = name == null ? "" : name.strip();
        return !clean.isEmpty() && store.isLiveNameTaken(clean);
    }

    /** Creates a credential for every call and vendor at the default rate; the key is shown once and never stored. */
    @RolesAllowed(Roles.ADMIN)
    public NewServiceCredential create(String name) {
        return create(name, CredentialScope.unrestricted());
    }

    /** Creates a credential with this scope; the returned key is shown once and never stored. */
    @RolesAllowed(Roles.ADMIN)
    public NewServiceCredential create(String name, CredentialScope scope) {
        requireValid(scope);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw DomainException.invalidField("name-required", "name", new Refusal("refusal.decision.name-required"));
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw DomainException.invalidField("name-too-long", "name", new Refusal("refusal.decision.name-too-long", String.valueOf(MAX_NAME_LENGTH)));
        }
        TextRules.requireCleanName("name", clean);
        String prefix = HEX.formatHex(KeyGenerators.secureRandom(6).generateKey());
        String key = "bkd_" + prefix + "_" + HEX.formatHex(KeyGenerators.secureRandom(32).generateKey());
        Instant now = clock.instant();
        long id;
        try {
            id = store.insertCredential(clean, prefix, DigestUtils.sha256Hex(key), now, currentUser.id(), scope);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflictOnField("name-taken", "name", new Refusal("refusal.decision.name-taken", String.valueOf(clean)));
        }
        Map<String, Object> after = new LinkedHashMap<>(Map.of("name", clean, "prefix", prefix));
        after.putAll(document(scope));
        audit.record(DecisionAuditAction.SERVICE_CREDENTIAL_CREATED, "service_credential", id, null, null, after);
        reloadAfterCommit();
        return new NewServiceCredential(id, clean, key);
    }

    /** Changes a live credential's scope; every node applies it from the moment the change reaches it. */
    @RolesAllowed(Roles.ADMIN)
    public void changeScope(long id, CredentialScope scope) {
        requireValid(scope);
        ServiceCredentialRow row = list().stream().filter(r -> r.id() == id).findFirst().orElseThrow(() ->
                DomainException.notFound("no-such-credential", new Refusal("refusal.decision.no-such-credential", String.valueOf(id))));
        if (row.revoked()) {
            throw DomainException.conflict("already-revoked", new Refusal("refusal.decision.already-revoked", String.valueOf(row.name())));
        }
        store.updateScope(id, scope);
        audit.record(DecisionAuditAction.SERVICE_CREDENTIAL_SCOPE_CHANGED, "service_credential", id, null, document(row.scope()),
                document(scope));
        reloadAfterCommit();
    }

    /** Revokes a credential: every node refuses it from the moment the change reaches it. */
    @RolesAllowed(Roles.ADMIN)
    public void revoke(long id) {
        CredentialStore.CredentialRef c = store.credential(id).orElseThrow(() ->
                DomainException.notFound("no-such-credential", new Refusal("refusal.decision.no-such-credential", String.valueOf(id))));
        if (c.revoked()) {
            throw DomainException.conflict("already-revoked", new Refusal("refusal.decision.already-revoked-2", String.valueOf(c.name())));
        }
        Map<String, Object> before = Map.of("name", c.name(), "prefix", c.keyPrefix(), "revoked", false);
        store.revoke(id, clock.instant(), currentUser.id());
        audit.record(DecisionAuditAction.SERVICE_CREDENTIAL_REVOKED, "service_credential", id, null, before,
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
                store.touch(c.id(), now);
            } catch (DataAccessException e) {
                // "last used" is a hint for the portal: a database that is briefly away must not refuse the
                // data plane, whose credentials are held in memory; the next minute's use writes it again
                log.info("Could not record the use of credential {}: {}", c.prefix(), e.getMessage());
            }
        }
        return Optional.of(new ServiceCredentialPrincipal(c.id(), c.name(), c.prefix(), c.scope()));
    }

    /**
     * Takes one request from the credential's rate on this node: 0 when admitted, otherwise the whole
     * seconds until a request would be (for Retry-After). For the decision API's filter; memory only, no
     * database read or write.
     */
    @PermitAll
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public long admit(ServiceCredentialPrincipal principal) {
        int rate = principal.scope().ratePerSecond();
        RateBucket b = buckets.get(principal.credentialId());
        if (b == null || b.ratePerSecond() != rate) {
            b = new RateBucket(rate, Bucket.builder()
                    .addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1))).build());
            buckets.put(principal.credentialId(), b);
        }
        ConsumptionProbe probe = b.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private void requireValid(CredentialScope scope) {
        if (scope == null || scope.calls().isEmpty()) {
            throw DomainException.invalidField("no-calls", "calls", new Refusal("refusal.decision.no-calls"));
        }
        if (scope.ratePerSecond() < 1 || scope.ratePerSecond() > CredentialScope.MAX_RATE) {
            throw DomainException.invalidField("invalid-rate", "ratePerSecond", new Refusal("refusal.decision.invalid-rate", String.valueOf(CredentialScope.MAX_RATE)));
        }
        if (!scope.vendorIds().isEmpty()) {
            if (!store.allVendorsExist(scope.vendorIds())) {
                throw DomainException.invalidField("unknown-vendor", "vendors", new Refusal("refusal.decision.unknown-vendor"));
            }
        }
    }

    private static Map<String, Object> document(CredentialScope scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", scope.calls().stream().map(Enum::name).sorted().toList());
        m.put("vendorIds", scope.allVendors() ? "ALL" : scope.vendorIds().stream().sorted().toList());
        m.put("ratePerSecond", scope.ratePerSecond());
        return m;
    }

    /**
     * Reads the live credentials. One at a time: the reload at a commit and one for another node's NOTIFY
     * can overlap, and one that read before the commit must not publish after one that read after it (a
     * new credential refused, a revoked one accepted again until the next change).
     */
    private synchronized void reload() {
        Map<String, Live> next = new HashMap<>();
        for (CredentialStore.LiveCredential c : store.live()) {
            next.put(c.prefix(), new Live(c.id(), c.name(), c.prefix(), HEX.parseHex(c.hash()), c.scope()));
        }
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
}
