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
 * Counts failed sign-ins per user name in PostgreSQL, so that every app node sees the same count,
 * and locks the name out for a while after too many. Names that have no account count too: the
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
                        (rs, i) -> rs.getTimestamp(1), normalize(username)).stream()
                .filter(ts -> ts != null && ts.toInstant().isAfter(now))
                .map(ts -> Duration.between(now, ts.toInstant()))
                .findFirst();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.update("delete from login_attempt where username = ?", normalize(event.getAuthentication().getName()));
    }

    void recordFailure(String username) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp windowStart = Timestamp.from(clock.instant().minus(window));
        Timestamp lockedUntil = Timestamp.from(clock.instant().plus(lockout));
        // one statement, so concurrent failures on several nodes cannot lose a count
        jdbc.update("""
                insert into login_attempt (username, failures, window_started_at, locked_until)
                values (?, 1, ?, case when 1 >= ? then ?::timestamptz end)
                on conflict (username) do update set
                  failures = case when login_attempt.window_started_at < ? then 1 else login_attempt.failures + 1 end,
                  window_started_at = case when login_attempt.window_started_at < ? then excluded.window_started_at
                                           else login_attempt.window_started_at end,
                  locked_until = case
                    when (case when login_attempt.window_started_at < ? then 1 else login_attempt.failures + 1 end) >= ?
                    then ?::timestamptz else login_attempt.locked_until end
                """,
                normalize(username), now, maxFailures, lockedUntil,
                windowStart, windowStart, windowStart, maxFailures, lockedUntil);
    }

    private static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
