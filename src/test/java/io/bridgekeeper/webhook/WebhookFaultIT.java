package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.NodeProcess;
import io.bridgekeeper.support.TestSecrets;
import io.bridgekeeper.webhook.FakeVendorEndpoint.Answer;
import io.bridgekeeper.webhook.FakeVendorEndpoint.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks under faults (issue 19): a node killed with -9 while it holds a delivery, a vendor that hangs
 * beside one that answers, a receiver that fails its first attempts. The figures the issue asks for are
 * measured and printed; the bounds are the issue's.
 */
@IntegrationTest
class WebhookFaultIT {

    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookDispatcher appDispatcher;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HikariDataSource dataSource;

    long vendor(String url) {
        String slug = "fault-" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                + "values (?, ?, 'ACTIVE', ?, ?) returning id", Long.class, slug, slug, url,
                TestSecrets.sealed("fault-secret"));
    }

    long enqueue(long vendor, int n) {
        return tx.execute(s -> outbox.enqueue(AuditActor.system("fault test"), vendor, WebhookEvent.DISCONNECT,
                Map.of("externalAccountId", "acct-" + n)));
    }

    List<String> statuses(List<Long> ids) {
        return ids.stream().map(id -> jdbc.queryForObject("select status from webhook_delivery where id = ?",
                String.class, id)).toList();
    }

    /** Delivery ids in the order the vendor received them, each repeated request only ever of the same id. */
    static List<Long> arrivalOrder(FakeVendorEndpoint endpoint) {
        return endpoint.received().stream().map(Received::deliveryId).toList();
    }

    @Test
    void a_hanging_vendor_does_not_hold_up_another_vendors_delivery() throws Exception {
        try (FakeVendorEndpoint hanging = FakeVendorEndpoint.answering(n -> Answer.hang(20_000));
             FakeVendorEndpoint healthy = new FakeVendorEndpoint(n -> 200)) {
            long slowVendor = vendor(hanging.url());
            long fastVendor = vendor(healthy.url());
            for (int i = 0; i < 3; i++) {
                enqueue(slowVendor, i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !hanging.received().isEmpty());

            List<Long> delaysMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int before = healthy.received().size();
                long queuedAt = System.nanoTime();
                enqueue(fastVendor, i);
                await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received().size() > before);
                delaysMillis.add((healthy.received().get(before).atNanos() - queuedAt) / 1_000_000);
            }

            System.out.printf("WEBHOOK FIGURES: another vendor's delivery while one vendor hangs, queued-to-received "
                    + "ms: %s (max %d; bound 1000)%n", delaysMillis, delaysMillis.stream().mapToLong(l -> l).max().orElseThrow());
            assertThat(hanging.received()).as("the hanging vendor still holds its first delivery").hasSize(1);
            assertThat(delaysMillis).allSatisfy(ms -> assertThat(ms).isLessThan(1000));
        }
    }

    @Test
    void per_vendor_order_holds_while_the_receiver_fails_its_first_attempts() throws Exception {
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> n < 3 ? 503 : 200)) {
            long vendor = vendor(endpoint.url());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(enqueue(vendor, i));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> statuses(ids).stream().allMatch("ACKNOWLEDGED"::equals));

            List<Long> arrivals = arrivalOrder(endpoint);
            System.out.printf("WEBHOOK FIGURES: order under retries: queued %s, arrived %s (answers %s)%n", ids, arrivals,
                    endpoint.received().stream().map(Received::answered).toList());
            List<Long> expected = new ArrayList<>(List.of(ids.getFirst(), ids.getFirst(), ids.getFirst()));
            expected.addAll(ids);
            assertThat(arrivals).containsExactlyElementsOf(expected);
        }
    }

    /**
     * A real second node in its own JVM takes a delivery and is killed with -9 while it holds it; this
     * node (its sender stopped until then, so the other node is the one that claims) resumes.
     */
    @Test
    void after_kill_9_of_the_delivering_node_the_other_node_resumes_within_15_seconds() throws Exception {
        NodeProcess child = null;
        try (FakeVendorEndpoint endpoint = FakeVendorEndpoint.answering(n -> n == 0 ? Answer.hang(60_000)
                : Answer.status(200))) {
            appDispatcher.stop();
            child = NodeProcess.start(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword(),
                    "webhook-kill-node", "--bridgekeeper.db.pool-size=3", "--bridgekeeper.rollouts.scheduler-enabled=false",
                    "--bridgekeeper.webhooks.allow-http-loopback=true");
            long vendor = vendor(endpoint.url());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(enqueue(vendor, i));
            }
            NodeProcess node = child;
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(50)).until(() -> {
                assertThat(node.isAlive()).as("the second node runs").isTrue();
                return !endpoint.received().isEmpty();
            });

            appDispatcher.start();
            long killedAt = System.nanoTime();
            child.kill(); // SIGKILL: no shutdown hook, the lease is simply left behind
            child.waitFor(Duration.ofSeconds(30));

            await().atMost(Duration.ofSeconds(60)).until(() -> statuses(ids).stream().allMatch("ACKNOWLEDGED"::equals));
            List<Received> received = endpoint.received();
            long resumedMillis = (received.get(1).atNanos() - killedAt) / 1_000_000;
            List<Long> arrivals = arrivalOrder(endpoint);
            System.out.printf("WEBHOOK FIGURES: kill -9 of the delivering node: resumed after %d ms (bound 15000); "
                    + "queued %s, arrived %s; lost %d, duplicates %d (all of id %d)%n", resumedMillis, ids, arrivals,
                    ids.stream().filter(id -> !arrivals.contains(id)).count(), arrivals.size() - ids.size(), ids.getFirst());

            assertThat(resumedMillis).isLessThan(15_000);
            List<Long> expected = new ArrayList<>(List.of(ids.getFirst()));
            expected.addAll(ids);
            assertThat(arrivals).as("0 lost, in order, the one duplicate is the interrupted delivery with its own id")
                    .containsExactlyElementsOf(expected);
        } finally {
            if (child != null) {
                child.close();
            }
            appDispatcher.start();
        }
    }

}
