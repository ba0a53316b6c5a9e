package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    final WebhookSettings settings = new WebhookSettings(true, Duration.ofMillis(250), Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 16);

    @Test
    void backoff_doubles_per_attempt_with_jitter_in_the_upper_half_and_stops_at_the_cap() {
        assertThat(settings.backoffAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffAfter(1, 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.backoffAfter(3, 1.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.backoffAfter(20, 1.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.backoffAfter(63, 0.5)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
    }

    @Test
    void with_the_defaults_a_vendor_is_retried_for_a_day_about_a_hundred_and_fifty_times() {
        Duration elapsed = Duration.ZERO;
        int attempts = 0;
        while (true) {
            attempts++;
            Duration next = elapsed.plus(settings.backoffAfter(attempts, 0.5));
            if (next.compareTo(settings.retryHorizon()) > 0) {
                break;
            }
            elapsed = next;
        }
        assertThat(elapsed).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        assertThat(attempts).isBetween(100, 200);
    }

    @Test
    void a_lease_shorter_than_one_attempt_is_refused_at_start_up() {
        assertThatThrownBy(() -> new WebhookSettings(true, Duration.ofMillis(250), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 16)).hasMessageContaining("lease");
    }

    @Test
    void the_signature_is_an_hmac_over_timestamp_and_body() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSigner.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        assertThat(WebhookSigner.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isNotEqualTo(WebhookSigner.sign("secret", 1_700_000_001L, "{\"a\":1}"));
    }
}
