package io.bridgekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bridgekeeper.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.context.ApplicationEventPublisher;

@IntegrationTest
class LoginAttemptsIT {

    @Autowired
    LoginAttempts attempts;
    @Autowired
    AccountAuthentication authentication;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void a_name_is_locked_after_five_failures_and_not_before() {
        String name = "lockout-it@example.com";
        for (int i = 0; i < 4; i++) {
            assertThat(attempts.claim(name)).isEmpty();
            attempts.recordFailure(name);
        }
        assertThat(attempts.lockedFor(name)).isEmpty();

        assertThat(attempts.claim(name)).isEmpty();
        attempts.recordFailure(name);

        assertThat(attempts.lockedFor(name)).hasValueSatisfying(d -> assertThat(d.toMinutes()).isBetween(14L, 15L));
        assertThat(attempts.claim(name)).isPresent();
    }

    @Test
    void the_lock_is_per_name_and_case_insensitive() {
        for (int i = 0; i < 5; i++) {
            attempts.claim("Case-Lock@Example.com");
            attempts.recordFailure("Case-Lock@Example.com");
        }
        assertThat(attempts.lockedFor("case-lock@example.com")).isPresent();
        assertThat(attempts.lockedFor("someone-else@example.com")).isEmpty();
    }

    @Test
    void thirty_parallel_wrong_passwords_check_no_more_than_five_and_log_one_line_each() throws Exception {
        ProviderManager manager = new ProviderManager(authentication);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        String name = "parallel-lock@example.com";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        List<Future<String>> outcomes = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (int i = 0; i < 30; i++) {
                outcomes.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    try {
                        manager.authenticate(new UsernamePasswordAuthenticationToken(name, "wrong-" + Math.random()));
                        return "signed in";
                    } catch (BadCredentialsException e) {
                        return "password checked";
                    } catch (LockedException e) {
                        return "locked";
                    }
                }));
            }
            start.countDown();
        } finally {
            root.detachAppender(log);
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        assertThat(results).filteredOn("password checked"::equals).hasSize(5);
        assertThat(results).filteredOn("locked"::equals).hasSize(25);
        assertThat(attempts.lockedFor(name)).isPresent();
        List<ILoggingEvent> refusals = log.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Sign-in refused for 'parallel-lock@example.com'")).toList();
        assertThat(refusals).hasSize(30).allMatch(e -> e.getThrowableProxy() == null);
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null);
    }
}
