package io.bridgekeeper.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per user name in PostgreSQL, so that every app node sees the same count,
 * and locks the name out for a while after too many failures. Names that have no account count too: the
 * lock-out must not tell an attacker which names exist.
 */
@Component
class LoginAttempts {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    LoginAttempts(JdbcTemplate jdbc, Clock clock,
                  @Value("${bridgekeeper.login.max-failures:5}") int maxFailures,
                  @Value("${bridgekeeper.login.window:15m}") Duration window,
                  @Value("${bridgekeeper.login.lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long the name stays locked, if it is. */
    Optional<Duration> lockedFor(String username) {
        Instant now = clock.instant();
        return jdbc.query("select locked_until from login_attempt where username = ?",
                        (rs, i) -> rs.getTimestamp("locked_until"), normalize(username)).stream()
                .filter(ts -> ts != null && ts.toInstant().isAfter(now))
                .map(ts -> Duration.between(now, ts.toInstant()))
                .findFirst();
    }

    /**
     * Claims one sign-in attempt for the name before its password is checked, in one statement, so that
     * parallel attempts (on one node or several) each see their own count: at most {@code max-failures}
     * passwords are checked in a window, the attempt after them is refused and locks the name. A success
     * clears the count; a failure leaves it (and locks at the limit). Returns how long the name is
     * locked, when it is.
     */
    Optional<Duration> claim(String username) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(window));
        Timestamp lockedUntil = Timestamp.from(now.plus(lockout));
        Timestamp until = jdbc.queryForObject("""
                insert into login_attempt as a (username, failures, window_started_at, locked_until)
                values (?, 1, ?, case when 1 > ? then ?::timestamptz end)
                on conflict (username) do update set
                  failures = case when a.locked_until > ? then a.failures
                                  when a.window_started_at < ? then 1 else a.failures + 1 end,
                  window_started_at = case when a.locked_until > ? then a.window_started_at
                                           when a.window_started_at < ? then excluded.window_started_at
                                           else a.window_started_at end,
                  locked_until = case when a.locked_until > ? then a.locked_until
                                      when (case when a.window_started_at < ? then 1 else a.failures + 1 end) > ?
                                      then ?::timestamptz else a.locked_until end
                returning locked_until
                """, Timestamp.class,
                normalize(username), at, maxFailures, lockedUntil,
                at, windowStart, at, windowStart, at, windowStart, maxFailures, lockedUntil);
        return until == null || !until.toInstant().isAfter(now) ? Optional.empty()
                : Optional.of(Duration.between(now, until.toInstant()));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.update("delete from login_attempt where username = ?", normalize(event.getAuthentication().getName()));
    }

    /** A claimed attempt failed: at the limit, the name is locked from now on. */
    void recordFailure(String username) {
        Timestamp lockedUntil = Timestamp.from(clock.instant().plus(lockout));
        jdbc.update("""
                update login_attempt set locked_until = ?
                where username = ? and failures >= ? and (locked_until is null or locked_until < ?)
                """, lockedUntil, normalize(username), maxFailures, Timestamp.from(clock.instant()));
    }

    private static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
