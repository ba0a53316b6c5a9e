package io.bridgekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LoginAttemptsIT {

    @Autowired
    LoginAttempts attempts;

    @Test
    void a_name_is_locked_after_five_failures_and_not_before() {
        String name = "lockout-it@example.com";
        for (int i = 0; i < 4; i++) {
            attempts.recordFailure(name);
        }
        assertThat(attempts.lockedFor(name)).isEmpty();

        attempts.recordFailure(name);

        assertThat(attempts.lockedFor(name)).hasValueSatisfying(d -> assertThat(d.toMinutes()).isBetween(14L, 15L));
    }

    @Test
    void the_lock_is_per_name_and_case_insensitive() {
        for (int i = 0; i < 5; i++) {
            attempts.recordFailure("Case-Lock@Example.com");
        }
        assertThat(attempts.lockedFor("case-lock@example.com")).isPresent();
        assertThat(attempts.lockedFor("someone-else@example.com")).isEmpty();
    }
}
