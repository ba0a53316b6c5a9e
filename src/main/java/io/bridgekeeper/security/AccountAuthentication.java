package io.bridgekeeper.security;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.LockedException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Portal sign-in: the attempt is claimed ({@link LoginAttempts#claim}) before the password is checked,
 * so a locked-out name is refused without one, and parallel guesses cannot check more passwords than
 * the limit. Every refused sign-in is one line in the log, never a stack trace.
 */
class AccountAuthentication extends DaoAuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AccountAuthentication.class);
    private final LoginAttempts attempts;

    AccountAuthentication(AccountDetailsService accounts, PasswordEncoder encoder, LoginAttempts attempts) {
        super(accounts);
        setPasswordEncoder(encoder);
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        attempts.claim(authentication.getName()).ifPresent(remaining -> {
            // a LockedException exactly: Spring maps that class (not a subclass) to its locked-out event, which is logged
            throw new LockedException(AccountDetailsService.lockedMessage(remaining));
        });
        return super.authenticate(authentication);
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String reason = event instanceof AuthenticationFailureLockedEvent ? "locked out" : "wrong e-mail or password";
        log.info("Sign-in refused for '{}': {}", printable(event.getAuthentication().getName()), reason);
    }

    /** The name as typed may hold anything, including line breaks that would forge log lines. */
    private static String printable(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        n.codePoints().limit(100).forEach(c -> out.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return out.toString();
    }
}
