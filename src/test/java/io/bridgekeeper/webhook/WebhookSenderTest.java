package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.vendor.WebhookTargets;
import io.bridgekeeper.webhook.FakeVendorEndpoint.Answer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every attempt is checked again at delivery and connects only to what was checked. The "internal
 * service" each forbidden URL aims at is a fake endpoint on loopback: it must receive nothing, while
 * the same endpoint does receive a webhook when the development setting allows it (so the test can fail).
 */
class WebhookSenderTest {

    static final WebhookSettings SETTINGS = new WebhookSettings(true, Duration.ofMillis(250), Duration.ofSeconds(5),
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2), 4);

    FakeVendorEndpoint internal;

    @BeforeEach
    void start() throws Exception {
        internal = FakeVendorEndpoint.answering(n -> Answer.status(200));
    }

    @AfterEach
    void stop() {
        internal.close();
    }

    static WebhookSender sender(boolean allowHttpLoopback, WebhookTargets.HostResolver resolver) {
        return new WebhookSender(new WebhookTargets(allowHttpLoopback, resolver), SETTINGS);
    }

    static InetAddress[] answer(String... literals) throws UnknownHostException {
        InetAddress[] out = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            out[i] = InetAddress.getByName(literals[i]);
        }
        return out;
    }

    List<String> forbiddenFormsOfTheInternalEndpoint() {
        int port = internal.port();
        List<String> urls = new ArrayList<>();
        for (String host : List.of("localhost", "localhost.", "127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f.1",
                "0x7f000001", "017700000001", "0177.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]",
                "[::1]", "internal.partner.test", "rebinding.partner.test")) {
            urls.add("https://" + host + ":" + port + "/hooks");
        }
        for (String host : List.of("127.1", "2130706433", "0x7f.1", "017700000001", "[::ffff:127.0.0.1]", "localhost.",
                "internal.partner.test")) {
            urls.add("http://" + host + ":" + port + "/hooks");
        }
        return urls;
    }

    @Test
    void no_form_of_an_internal_address_is_reached_at_delivery() {
        AtomicInteger lookups = new AtomicInteger();
        // "rebinding" answered a public address when the URL was saved; now it answers loopback
        WebhookTargets.HostResolver resolver = host -> {
            lookups.incrementAndGet();
            return switch (host) {
                case "internal.partner.test", "rebinding.partner.test", "localhost", "localhost." -> answer("127.0.0.1");
                default -> throw new UnknownHostException(host);
            };
        };
        List<String> urls = forbiddenFormsOfTheInternalEndpoint();
        assertThat(urls).hasSizeGreaterThanOrEqualTo(20);

        try (WebhookSender strict = sender(false, resolver)) {
            for (String url : urls) {
                WebhookSender.Outcome outcome = strict.send(url, Map.of(), "{}");
                assertThat(outcome.delivered()).as(url).isFalse();
                assertThat(outcome.statusClass()).as(url).isIn("forbidden address", "invalid URL");
            }
        }
        assertThat(internal.received()).isEmpty();

        // the same endpoint is reachable when the development setting allows it: the refusals above were the check
        try (WebhookSender dev = sender(true, resolver)) {
            assertThat(dev.send("http://localhost:" + internal.port() + "/hooks", Map.of(), "{}").delivered()).isTrue();
        }
        assertThat(internal.received()).hasSize(1);
    }

    @Test
    void a_url_that_passed_at_save_is_refused_when_its_name_turns_internal() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookTargets.HostResolver rebinding = host -> lookups.getAndIncrement() == 0 ? answer("93.184.216.34")
                : answer("10.0.0.7");
        WebhookTargets targets = new WebhookTargets(false, rebinding);
        String url = "https://hooks.partner.test:" + internal.port() + "/hooks";
        assertThat(targets.problem(url, false)).as("saved while public").isNull();

        try (WebhookSender sender = new WebhookSender(targets, SETTINGS)) {
            WebhookSender.Outcome outcome = sender.send(url, Map.of(), "{}");
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.statusClass()).isEqualTo("forbidden address");
        }
        assertThat(lookups).hasValue(2);
        assertThat(internal.received()).isEmpty();
    }

    @Test
    void the_connection_goes_to_the_checked_address_without_asking_dns_again() {
        AtomicInteger lookups = new AtomicInteger();
        // a second answer would point elsewhere (127.0.0.2, where nothing listens): one lookup per attempt
        WebhookTargets.HostResolver resolver = host -> lookups.getAndIncrement() == 0 ? answer("127.0.0.1")
                : answer("127.0.0.2");
        try (WebhookSender dev = sender(true, resolver)) {
            WebhookSender.Outcome outcome = dev.send("http://localhost:" + internal.port() + "/hooks", Map.of(), "{}");
            assertThat(outcome).isEqualTo(new WebhookSender.Outcome(true, "HTTP 2xx"));
        }
        assertThat(lookups).hasValue(1);
        assertThat(internal.received()).singleElement().satisfies(r ->
                assertThat(r.header("Host")).isEqualTo("localhost:" + internal.port()));
    }

    @Test
    void a_redirect_is_not_followed_and_what_the_vendor_said_is_never_kept() throws Exception {
        try (FakeVendorEndpoint vendor = FakeVendorEndpoint.answering(n -> new Answer(302,
                Map.of("Location", internal.url().replace("/hooks", "/actuator/prometheus")),
                "Call +1-555-0100 to restore your camera", 0));
             WebhookSender dev = sender(true, host -> answer("127.0.0.1"))) {
            WebhookSender.Outcome outcome = dev.send(vendor.url(), Map.of(), "{}");

            assertThat(outcome).isEqualTo(new WebhookSender.Outcome(false, "HTTP 3xx"));
            assertThat(vendor.received()).hasSize(1);
        }
        assertThat(internal.received()).isEmpty();
    }

    @Test
    void failures_are_told_by_class_only() throws Exception {
        try (FakeVendorEndpoint failing = FakeVendorEndpoint.answering(n -> new Answer(503, Map.of(),
                "Call +1-555-0100 to restore your camera " + "x".repeat(100_000), 0));
             FakeVendorEndpoint hanging = FakeVendorEndpoint.answering(n -> Answer.hang(10_000));
             WebhookSender dev = sender(true, host -> answer("127.0.0.1"))) {
            assertThat(dev.send(failing.url(), Map.of(), "{}")).isEqualTo(new WebhookSender.Outcome(false, "HTTP 5xx"));
            assertThat(dev.send(hanging.url(), Map.of(), "{}")).isEqualTo(new WebhookSender.Outcome(false, "timeout"));
            int closedPort;
            try (FakeVendorEndpoint gone = FakeVendorEndpoint.answering(n -> Answer.status(200))) {
                closedPort = gone.port();
            }
            assertThat(dev.send("http://127.0.0.1:" + closedPort + "/hooks", Map.of(), "{}"))
                    .isEqualTo(new WebhookSender.Outcome(false, "refused"));
            assertThat(dev.send("", Map.of(), "{}")).isEqualTo(new WebhookSender.Outcome(false, "no webhook URL"));
        }
    }
}
