package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.TestSecrets;
import io.bridgekeeper.webhook.FakeVendorEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner manager finds a webhook dead letter on the vendor page, fixes nothing but redelivers it with
 * one confirmed click, and the vendor receives it (the dispatcher's own path to a dead letter is proven in
 * WebhookIT; here the row is put in that state as the horizon would).
 */
class WebhookDeadLetterE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The demo partner manages the test's vendors only while the test runs: other tests count its vendors. */
    private final List<Long> managed = new ArrayList<>();

    @AfterEach
    void unassignTheDemoPartner() {
        managed.forEach(vendor -> jdbc.update("delete from vendor_partner_manager where vendor_id = ?", vendor));
    }

    private void assignDemoPartner(long vendor) {
        jdbc.update("insert into vendor_partner_manager (vendor_id, account_id) "
                + "select ?, id from account where email = ?", vendor, DemoAccounts.CAMERA_PARTNER);
        managed.add(vendor);
    }

    @Test
    void a_partner_manager_redelivers_a_dead_letter_from_the_vendor_page() throws Exception {
        try (FakeVendorEndpoint endpoint = new FakeVendorEndpoint(n -> 200)) {
            String slug = "e2e-dead-" + UUID.randomUUID().toString().substring(0, 6);
            long vendor = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                    + "values (?, 'Dead Letter Cams', 'ACTIVE', ?, ?) returning id", Long.class, slug,
                    endpoint.url(), TestSecrets.sealed("e2e-secret"));
            assignDemoPartner(vendor);
            long delivery = jdbc.queryForObject("""
                    insert into webhook_delivery (vendor_id, event_type, payload, status, attempts, last_error,
                                                  created_at, retry_since)
                    values (?, 'DISCONNECT', '{"externalAccountId": "ext-dead-1"}'::jsonb, 'DEAD_LETTER', 150, 'HTTP 5xx',
                            now() - interval '25 hours',
                            now() - interval '25 hours')
                    returning id""", Long.class, vendor);

            signIn(DemoAccounts.CAMERA_PARTNER);
            open("vendors/" + vendor);

            assertThat(page.locator("#vendor-dead-letters")).containsText("1 not delivered");
            assertThat(page.locator("#vendor-dead-letters")).containsText("HTTP 5xx");
            // its details: the payload as sent and what the vendor answered
            page.locator("#delivery-grid vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("DISCONNECT")).first().click();
            screenshot("delivery-dialog");
            assertThat(page.locator("#delivery-payload")).containsText("\"externalAccountId\": \"ext-dead-1\"");
            assertThat(page.locator("#delivery-dialog")).containsText("HTTP 5xx");
            assertThat(page.locator("#delivery-dialog")).containsText("150");
            page.locator("#delivery-dialog-close").click();
            page.locator("#redeliver-" + delivery).click();
            assertThat(page.locator("#redeliver-confirm-button")).isVisible();
            page.locator("#redeliver-confirm-button").click();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(jdbc.queryForObject(
                    "select status from webhook_delivery where id = ?", String.class, delivery)));
            org.assertj.core.api.Assertions.assertThat(endpoint.received()).singleElement()
                    .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r.deliveryId()).isEqualTo(delivery));
            org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select actor_name from audit_event "
                    + "where action = 'WEBHOOK_REDELIVERED' and target_id = ?", String.class, String.valueOf(delivery)))
                    .isNotBlank();
        }
    }

    @Test
    void the_portal_refuses_an_empty_or_internal_webhook_url_on_the_field_and_keeps_the_saved_one() {
        String slug = "e2e-url-" + UUID.randomUUID().toString().substring(0, 6);
        long vendor = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                + "values (?, 'Url Cams', 'ACTIVE', 'https://hooks.urlcams.example/x', ?) returning id",
                Long.class, slug, TestSecrets.sealed("e2e-secret"));
        assignDemoPartner(vendor);

        signIn(DemoAccounts.CAMERA_PARTNER);
        open("vendors/" + vendor);
        // an untouched form says why Save waits
        assertThat(page.locator("#webhook-save")).isDisabled();
        assertThat(page.locator("#webhook-url")).containsText("Change the URL to save it.");
        page.locator("#webhook-url input").fill("");
        assertThat(page.locator("#webhook-url")).containsText("Enter the webhook URL");
        assertThat(page.locator("#webhook-save")).isDisabled();

        page.locator("#webhook-url input").fill("https://[::ffff:127.0.0.1]/x");
        page.locator("#webhook-save").click();
        assertThat(page.locator("#webhook-url")).containsText("loopback");

        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select webhook_url from vendor where id = ?",
                String.class, vendor)).isEqualTo("https://hooks.urlcams.example/x");
    }
}
