package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestSecrets;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorResumed;
import io.bridgekeeper.vendor.VendorSuspended;
import io.bridgekeeper.vendor.WebhookTargets;
import io.bridgekeeper.webhook.FakeVendorEndpoint.Answer;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outbox in the running application: signed deliveries, suspension webhooks, dead letters and redelivery. */
@IntegrationTest
class WebhookIT {

    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookDeliveryService deliveries;
    @Autowired
    WebhookDispatcher appDispatcher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    JsonMapper json;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;
    @Autowired
    WebhookTargets targets;
    @Autowired
    SecretSealer sealer;
    @Autowired
    UserDetailsService users;
    @Autowired
    VendorApiKeyService keys;
    @LocalServerPort
    int port;

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
            assertThat(request.header("X-Bridgekeeper-Attempt")).isEqualTo("1");
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

    /** URLs stored before these rules (or by a direct write): the running application still never reaches them. */
    @Test
    void a_stored_url_to_an_internal_address_is_refused_at_delivery() throws Exception {
        try (FakeVendorEndpoint internal = new FakeVendorEndpoint(n -> 200)) {
            int port = internal.port();
            List<Long> ids = new java.util.ArrayList<>();
            for (String url : List.of("https://127.0.0.1:" + port + "/hooks", "http://2130706433:" + port + "/hooks",
                    "http://[::ffff:127.0.0.1]:" + port + "/hooks", "http://0x7f.1:" + port + "/hooks",
                    "https://localhost:" + port + "/hooks")) {
                long vendor = vendor(url, "x");
                ids.add(tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT,
                        Map.of())));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> status(id).equals("RETRYING")));

            assertThat(ids).allSatisfy(id -> assertThat(jdbc.queryForObject(
                    "select last_error from webhook_delivery where id = ?", String.class, id))
                    .isIn("forbidden address", "invalid URL"));
            assertThat(internal.received()).isEmpty();
        }
    }

    @Test
    void what_a_vendor_answers_is_kept_only_as_a_status_class() throws Exception {
        String phishing = "Call +1-555-0100 to restore your camera";
        try (FakeVendorEndpoint endpoint = FakeVendorEndpoint.answering(n -> new Answer(503, Map.of(), phishing, 0))) {
            long vendor = vendor(endpoint.url(), "x");
            long id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT, Map.of()));

            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("RETRYING"));

            assertThat(jdbc.queryForObject("select last_error from webhook_delivery where id = ?", String.class, id))
                    .isEqualTo("HTTP 5xx");
            assertThat(jdbc.queryForObject("select last_status_code from webhook_delivery where id = ?", Integer.class, id))
                    .isNull();
            assertThat(PartnerApi.as(users, DemoAccounts.ADMIN, () -> deliveries.deliveries(vendor, null,
                    PageRequest.of(0, 10)).getContent())).singleElement()
                    .satisfies(d -> assertThat(d.lastError()).isEqualTo("HTTP 5xx"));
            assertThat(jdbc.queryForObject("select count(*) from audit_event where target_type = 'webhook_delivery' "
                    + "and target_id = ? and after_state::text like '%555-0100%'", Long.class, String.valueOf(id))).isZero();
        }
    }

    /**
     * The dead-letter path runs on a node of the test's own with a one-minute horizon (the application's is a
     * day); the application's own sender is stopped meanwhile so it cannot take the delivery.
     */
    @Test
    void a_delivery_past_its_retry_horizon_is_a_dead_letter_that_people_redeliver_with_one_click() throws Exception {
        WebhookSettings oneMinute = new WebhookSettings(false, Duration.ofMillis(50), Duration.ofSeconds(5),
                Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 4);
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> n < 2 ? 500 : 200);
             WebhookDispatcher node = new WebhookDispatcher(new WebhookStore(jdbcClient), tx, json, audit, clock, oneMinute, targets,
                     sealer)) {
            long vendor = vendor(endpoint.url(), "x");
            long id;
            appDispatcher.stop();
            try {
                id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT, Map.of()));
                assertThat(node.deliverNext(vendor)).isTrue();
                assertThat(status(id)).isEqualTo("RETRYING");
                // the next attempt would come 20-40 s later; as if that time had passed:
                jdbc.update("update webhook_delivery set next_attempt_at = now(), retry_since = retry_since - interval "
                        + "'50 seconds' where id = ?", id);
                assertThat(node.deliverNext(vendor)).isTrue();
            } finally {
                appDispatcher.start();
            }
            assertThat(status(id)).isEqualTo("DEAD_LETTER");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where target_id = ? "
                    + "and action = 'WEBHOOK_DEAD_LETTERED'", Long.class, String.valueOf(id))).isEqualTo(1);
            assertThat(PartnerApi.as(users, DemoAccounts.ADMIN, () -> deliveries.deadLetters(vendor))).isEqualTo(1);
            assertThat(PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> deliveries.deadLetters(vendor))).isZero();
            assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> {
                deliveries.redeliver(id);
                return null;
            })).hasMessageContaining("No webhook delivery");
            assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.HOUSEHOLD, () -> {
                deliveries.redeliver(id);
                return null;
            })).isInstanceOf(AccessDeniedException.class);
            assertThat(status(id)).isEqualTo("DEAD_LETTER");
            // its detail tells the story: queued, one failed attempt (the vendor answered 5xx), the dead letter
            DeliveryDetail detail = PartnerApi.as(users, DemoAccounts.ADMIN, () -> deliveries.detail(id));
            assertThat(detail.attempts()).extracting(DeliveryDetail.Attempt::what)
                    .containsExactly("Queued", "Attempt failed", "Dead letter");
            assertThat(detail.attempts().get(1).result()).isEqualTo("attempt 1, vendor answered HTTP 5xx");
            assertThat(detail.payload()).isNotNull();
            // another vendor's partner manager: not found, as for anything of another vendor
            assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> deliveries.detail(id)))
                    .hasMessageContaining("No webhook delivery");

            PartnerApi.as(users, DemoAccounts.ADMIN, () -> {
                deliveries.redeliver(id);
                return null;
            });

            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("ACKNOWLEDGED"));
            assertThat(endpoint.received()).extracting(FakeVendorEndpoint.Received::deliveryId).containsOnly(id);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where target_id = ? "
                    + "and action = 'WEBHOOK_REDELIVERED'", Long.class, String.valueOf(id))).isEqualTo(1);
            assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN, () -> {
                deliveries.redeliver(id);
                return null;
            })).hasMessageContaining("Only a dead letter");
        }
    }

    @Test
    void a_vendor_sets_its_webhook_url_and_sees_its_dead_letters_through_the_partner_api() throws Exception {
        long vendor = vendor("https://hooks.partner.example/old", "x");
        String key = PartnerApi.as(users, DemoAccounts.ADMIN, () -> keys.create(vendor, "webhook test").secret());
        PartnerApi api = new PartnerApi(port, key);

        for (String refused : List.of("", "https://127.0.0.1/x", "https://2130706433/x", "https://[::ffff:10.0.0.1]/x")) {
            HttpResponse<String> answer = api.put("/webhook-url", "{\"webhookUrl\":\"" + refused + "\"}");
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(refused).contains("\"field\":\"webhookUrl\"");
        }
        assertThat(jdbc.queryForObject("select webhook_url from vendor where id = ?", String.class, vendor))
                .isEqualTo("https://hooks.partner.example/old");
        assertThat(api.put("/webhook-url", "{\"webhookUrl\":\"https://hooks.partner.example/new\"}").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select webhook_url from vendor where id = ?", String.class, vendor))
                .isEqualTo("https://hooks.partner.example/new");

        long id = tx.execute(s -> outbox.enqueue(AuditActor.system("test"), vendor, WebhookEvent.DISCONNECT, Map.of()));
        jdbc.update("update webhook_delivery set status = 'DEAD_LETTER', attempts = 150, next_attempt_at = null, "
                + "last_error = 'HTTP 5xx' where id = ?", id);
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/partner/v1/webhooks?status=DEAD_LETTER"))
                .header("Authorization", "Bearer " + key).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = client.send(list, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json.readTree(answer.body())).singleElement().satisfies(d -> {
                assertThat(d.get("id").asLong()).isEqualTo(id);
                assertThat(d.get("status").asString()).isEqualTo("DEAD_LETTER");
                assertThat(d.get("lastResult").asString()).isEqualTo("HTTP 5xx");
            });
        }
    }
}
