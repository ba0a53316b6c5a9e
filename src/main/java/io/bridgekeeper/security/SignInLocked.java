package io.bridgekeeper.security;

import org.springframework.security.authentication.LockedException;

/** A user name locked out after too many failed sign-ins, with the minutes left (the sign-in page words it). */
public class SignInLocked extends LockedException {

    private final long minutes;

    SignInLocked(long minutes) {
        super(AccountDetailsService.lockedMessage(minutes));
        this.minutes = minutes;
    }

    public long minutes() {
        return minutes;
    }
}
