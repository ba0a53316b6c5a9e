package io.bridgekeeper.decision;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private final CredentialStore store;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecretSealer sealer;

    SigningSecretService(CredentialStore store, AuditLog audit, CurrentUser currentUser, Clock clock, SecretSealer sealer) {
        this.store = store;
        this.sealer = sealer;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<SigningSecret> list() {
        return store.secrets();
    }

    /** Rotates: returns the new secret's id. */
    @RolesAllowed(Roles.ADMIN)
    public String rotate() {
        store.lockRotation();
        Instant now = clock.instant();
        List<String> retired = store.retireVerifying(now);
        String previous = store.demoteActive().orElse(null);
        String kid = store.insertActive(sealer.seal(KeyGenerators.secureRandom(32).generateKey()), now, currentUser.id());
        audit.record(DecisionAuditAction.CACHE_KEY_SECRET_ROTATED, "cache_key_secret", kid, null,
                Map.of("active", String.valueOf(previous)),
                Map.of("active", kid, "verifyOnly", String.valueOf(previous), "retired", retired));
        return kid;
    }
}
