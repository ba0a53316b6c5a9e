package io.bridgekeeper.security;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the accounts besides their names (which they read through the view
 * {@code account_directory}): who holds a role by e-mail, and the one system-side way to create an
 * account. These are building blocks for other modules' services, which check their own callers
 * first; no view or endpoint reaches them directly.
 */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final Clock clock;

    Accounts(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The account with this e-mail (in any case) if it holds {@code role} and, when {@code enabledOnly}, is enabled. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Long> withRole(String email, Role role, boolean enabledOnly) {
        return accounts.findByEmailIgnoreCase(email == null ? "" : email.strip())
                .filter(a -> a.getRoles().contains(role) && (a.isEnabled() || !enabledOnly))
                .map(Account::getId);
    }

    /** A canary household's account (no role, cannot sign in), for the canary module's enrolment. */
    @PermitAll
    @Transactional
    public long createCanary(String email, String displayName) {
        return accounts.save(Account.canary(email, displayName, clock.instant())).getId();
    }
}
