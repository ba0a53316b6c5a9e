package io.bridgekeeper.security;

import io.bridgekeeper.base.Translations;
import java.time.Duration;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads portal accounts from the database. A locked-out name is refused before this is asked, by
 * {@link AccountAuthentication}: thrown from here, the refusal came back wrapped as an internal error
 * with a stack trace in the log.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    AccountDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Account account = accounts.findByEmailIgnoreCase(name)
                .filter(Account::isEnabled)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new SignedInAccount(account.getId(), account.getEmail(), account.getDisplayName(),
                account.getRoles(), account.getPasswordHash());
    }

    static String lockedMessage(Duration remaining) {
        return lockedMessage(lockedMinutes(remaining));
    }

    static long lockedMinutes(Duration remaining) {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }

    /** The lock-out in English (the log, the tests); the sign-in page says it in the person's language. */
    static String lockedMessage(long minutes) {
        return Translations.english("security.login.locked-text", minutes);
    }
}
