package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.secrets.SecretSealer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestSecrets;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries survive a restart. The senders are "nodes" this test starts and stops: each a fresh
 * dispatcher on its own scheduler thread over the same database, as a restarted app node would be.
 * The application's own sweep is kept out meanwhile by holding its ShedLock lock, exactly as another
 * node's sweep would be (a second application context is no option: it would replace the security
 * context holder strategy that every other test of the shared context relies on).
 */
@IntegrationTest
class WebhookRestartIT {

    static final WebhookSettings FAST = new WebhookSettings(false, Duration.ofMillis(10), 20, Duration.ofMinutes(1),
            Duration.ofMillis(1), Duration.ofMillis(20), 4, Duration.ofSeconds(5));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;
    @Autowired
    AuditLog audit;
    @Autowired
    WebhookOutbox outbox;
    @Autowired
    Clock clock;
    @Autowired
    LockProvider locks;
    @Autowired
    SecretSealer sealer;

    SimpleLock appSweep;

    @BeforeEach
    void keepTheAppsOwnSweepOut() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            appSweep = locks.lock(new LockConfiguration(clock.instant(), "webhook-sweep", Duration.ofMinutes(5),
                    Duration.ZERO)).orElse(null);
            return appSweep != null;
        });
    }

    @AfterEach
    void letItSweepAgain() {
        appSweep.unlock();
    }

    /** An app node's webhook sender; it keeps to the test's vendor, so other tests' deliveries are left alone. */
    final class Node implements AutoCloseable {
        final WebhookDispatcher dispatcher;
        final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

        Node(long vendor) {
            dispatcher = new WebhookDispatcher(jdbc, tx, json, audit, clock, FAST, sealer, vendor);
        }

        Node start() {
            scheduler.setWaitForTasksToCompleteOnShutdown(true);
            scheduler.setAwaitTerminationSeconds(30);
            scheduler.initialize();
            scheduler.scheduleWithFixedDelay(dispatcher::dispatchDue, Duration.ofMillis(10));
            return this;
        }

        @Override
        public void close() {
            scheduler.shutdown();
            dispatcher.close();
        }
    }

    long vendor(String url) {
        String slug = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                + "values (?, ?, 'ACTIVE', ?, ?) returning id", Long.class, slug, slug, url, TestSecrets.sealed("restart-secret"));
    }

    int attempts(long id) {
        return jdbc.queryForObject("select attempts from webhook_delivery where id = ?", Integer.class, id);
    }

    String status(long id) {
        return jdbc.queryForObject("select status from webhook_delivery where id = ?", String.class, id);
    }

    @Test
    void a_webhook_that_fails_three_times_then_succeeds_is_delivered_exactly_once_across_a_restart() throws Exception {
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> n < 3 ? 503 : 200)) {
            long vendor = vendor(endpoint.url());
            long id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT,
                    Map.of("externalAccountId", "acct-restart")));

            // the first node sweeps in the foreground, one sweep at a time, so it stops after exactly two
            // attempts (a background scheduler with millisecond backoff could finish all four first)
            try (Node first = new Node(vendor)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    first.dispatcher.dispatchDue();
                    return attempts(id) >= 2;
                });
            } // the node is gone

            assertThat(attempts(id)).isEqualTo(2);
            assertThat(status(id)).isEqualTo("RETRYING");
            assertThat(jdbc.queryForObject("select last_error from webhook_delivery where id = ?", String.class, id))
                    .startsWith("HTTP 503");

            try (Node second = new Node(vendor).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("ACKNOWLEDGED"));
                // the new node keeps sweeping; an acknowledged delivery is never claimed again
                assertThat(second.dispatcher.dispatchDue()).isZero();
            }

            assertThat(endpoint.received()).hasSize(4);
            assertThat(endpoint.received()).extracting(FakeVendorEndpoint.Received::answered)
                    .containsExactly(503, 503, 503, 200);
            assertThat(endpoint.received()).allSatisfy(r ->
                    assertThat(r.header("X-Bridgekeeper-Delivery")).isEqualTo(String.valueOf(id)));
            assertThat(attempts(id)).isEqualTo(4);
        }
    }

    @Test
    void a_webhook_that_never_succeeds_is_marked_failed_at_the_cap() throws Exception {
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> 500)) {
            long vendor = vendor(endpoint.url());
            long id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.SUSPENDED, Map.of()));

            try (Node node = new Node(vendor).start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("FAILED"));
            }

            assertThat(endpoint.received()).hasSize(FAST.maxAttempts());
            assertThat(jdbc.queryForObject("select next_attempt_at is null from webhook_delivery where id = ?",
                    Boolean.class, id)).isTrue();
        }
    }
}
