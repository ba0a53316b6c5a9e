package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorResumed;
import io.bridgekeeper.vendor.VendorSuspended;
import io.bridgekeeper.support.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in the running application: signed deliveries, suspension webhooks, the grid and retry. */
@IntegrationTest
class WebhookIT {

    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookDeliveryService deliveries;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    /** A vendor of the test's own (never a demo vendor that other tests rely on). */
    long vendor(String url, String secret) {
        String slug = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                + "values (?, ?, 'ACTIVE', ?, ?) returning id", Long.class, slug, "Hook test " + slug, url,
                TestSecrets.sealed(secret));
    }

    String status(long delivery) {
        return jdbc.queryForObject("select status from webhook_delivery where id = ?", String.class, delivery);
    }

    @Test
    void a_delivery_is_signed_over_timestamp_and_body_and_the_vendors_2xx_acknowledges_it() throws Exception {
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> 204)) {
            long vendor = vendor(endpoint.url(), "s3cret-for-test");
            long id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT,
                    Map.of("externalAccountId", "acct-1")));

            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("ACKNOWLEDGED"));

            assertThat(endpoint.received()).hasSize(1);
            FakeVendorEndpoint.Received request = endpoint.received().getFirst();
            String timestamp = request.header("X-Bridgekeeper-Timestamp");
            assertThat(request.header("X-Bridgekeeper-Signature"))
                    .isEqualTo(WebhookSigner.sign("s3cret-for-test", Long.parseLong(timestamp), request.body()));
            assertThat(request.header("X-Bridgekeeper-Delivery")).isEqualTo(String.valueOf(id));
            assertThat(request.body()).contains("\"event\":\"DISCONNECT\"").contains("\"externalAccountId\":\"acct-1\"");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where target_type = 'webhook_delivery' "
                    + "and target_id = ? and action = 'WEBHOOK_DELIVERED'", Long.class, String.valueOf(id))).isEqualTo(1);
        }
    }

    @Test
    void suspension_and_resumption_events_queue_one_webhook_each_even_when_redelivered() {
        long vendor = vendor(null, "x");
        long suspension = 900_000 + vendor;
        VendorSuspended suspended = new VendorSuspended(vendor, "hook", suspension, true, Set.of(Capability.SNAPSHOT),
                "PRIVACY_LEAK", "Images shown to the wrong home", null, Instant.parse("2026-11-24T08:00:00Z"));
        tx.executeWithoutResult(s -> events.publishEvent(suspended));
        tx.executeWithoutResult(s -> events.publishEvent(suspended));
        tx.executeWithoutResult(s -> events.publishEvent(new VendorResumed(vendor, "hook", suspension,
                Instant.parse("2026-11-24T09:00:00Z"))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select event_type from webhook_delivery where vendor_id = ? order by event_type", String.class, vendor))
                .containsExactly("RESUMED", "SUSPENDED"));
        assertThat(jdbc.queryForObject("select payload ->> 'reasonCode' from webhook_delivery where vendor_id = ? "
                + "and event_type = 'SUSPENDED'", String.class, vendor)).isEqualTo("PRIVACY_LEAK");
    }

    @Test
    void admins_see_a_failed_delivery_and_retry_it_but_another_vendors_partner_cannot() {
        long vendor = vendor(null, "x");
        long id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT, Map.of()));
        // as if the cap had been reached: the dispatcher's own path to FAILED is proven in WebhookRestartIT
        jdbc.update("update webhook_delivery set status = 'FAILED', attempts = 8, next_attempt_at = null, "
                + "last_error = 'HTTP 503' where id = ?", id);

        assertThat(PartnerApi.as(users, DemoAccounts.ADMIN, () -> deliveries.deliveries(DeliveryStatus.FAILED,
                PageRequest.of(0, 50)).getContent())).anySatisfy(d -> {
                    assertThat(d.id()).isEqualTo(id);
                    assertThat(d.lastError()).isEqualTo("HTTP 503");
                });
        assertThat(PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> deliveries.deliveries(null,
                PageRequest.of(0, 500)).getContent())).noneMatch(d -> d.id() == id);
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> {
            deliveries.retry(id);
            return null;
        })).hasMessageContaining("No webhook delivery");

        PartnerApi.as(users, DemoAccounts.ADMIN, () -> {
            deliveries.retry(id);
            return null;
        });

        assertThat(jdbc.queryForObject("select attempts from webhook_delivery where id = ?", Integer.class, id)).isZero();
        assertThat(status(id)).isIn("PENDING", "RETRYING");
    }
}
