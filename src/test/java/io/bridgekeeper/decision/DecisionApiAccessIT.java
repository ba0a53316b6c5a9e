package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.base.cluster.NodeIdentity;
import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the decision API is reached, not what it decides ({@link DecisionApiIT}): who may call it, the
 * problem responses to bad input, what it observes and what it counts.
 */
@IntegrationTest
class DecisionApiAccessIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    DecisionState state;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @Autowired
    ServiceCredentialService credentials;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NodeIdentity node;
    @LocalServerPort
    int port;

    DecisionClient api;
    Vendor vendor;
    Household a;
    Household b;

    @BeforeEach
    void setUp() {
        api = new DecisionClient(port, fixture.credential());
        vendor = fixture.vendor("access");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }
    /**
     * While the LISTEN connection is down, resolve answers from memory for a short while; a vendor onboarded
     * in that window is not in memory yet and is read from the database, not answered "unknown".
     */
    @Test
    void a_vendor_onboarded_while_memory_is_briefly_stale_resolves_at_once() {
        state.onDisconnected();
        try {
            // holding the state's monitor holds back this node's NOTIFY handling: memory stays without the vendor
            synchronized (state) {
                Vendor fresh = fixture.vendorNotYetSynced("stale-window");
                Household h = fixture.household(fresh);
                Answer answer = api.resolve(fresh.slug(), h.cameraId());
                assertThat(answer.outcome()).as("%s", answer.body()).isEqualTo("RESOLVED");
                assertThat(api.authorize(fresh.slug(), h.cameraId(), h.displayId(), h.accountId(), answer.cacheKey())
                        .outcome()).isEqualTo("ALLOW");
            }
        } finally {
            state.onListening();
        }
    }

    /**
     * The other half of DatabaseOutageIT: the database stays up and only this node's LISTEN connection is cut,
     * again and again (each cut after the first needs the node to have reconnected), while the data plane keeps
     * resolving: every answer is the same 200, none a redirect, none a 5xx.
     */
    @Test
    void resolve_keeps_answering_while_the_nodes_listen_connection_is_cut_again_and_again() throws Exception {
        String listen = "bridgekeeper-listen-" + node.id();
        String version = api.resolve(vendor.slug(), a.cameraId()).versionLabel();
        int cuts = 0;
        List<Integer> statuses = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            cuts += jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where application_name = ?", Integer.class, listen);
            for (int i = 0; i < 20; i++) {
                Answer answer = api.resolve(vendor.slug(), (i % 2 == 0 ? a : b).cameraId());
                statuses.add(answer.status());
                versions.add(answer.versionLabel());
            }
            Thread.sleep(100);
        }
        assertThat(cuts).as("LISTEN connections of this node cut").isGreaterThanOrEqualTo(2);
        assertThat(statuses).as("resolve answers while the LISTEN connection is cut").isNotEmpty().containsOnly(200);
        assertThat(versions).containsOnly(version);
    }

    @Test
    void badInputIsAProblemNamingTheFields() {
        Answer missing = api.post("/authorize", Map.of("vendor", vendor.slug(), "capability", "TELEPORT"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("type").asString()).endsWith("/invalid-request");
        List<String> fields = new ArrayList<>();
        missing.body().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("sourceDeviceId", "targetDeviceId", "requesterAccountId",
                "capability", "cacheKey");
        assertThat(missing.body().toString()).contains("'TELEPORT' is not a capability");

        Answer malformed = api.postRaw("/resolve", "{\"vendor\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("detail").asString()).isNotBlank();

        Answer wrongType = api.postRaw("/authorize", "{\"requesterAccountId\": \"me\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("detail").asString()).contains("requesterAccountId");

        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i <= DecisionService.MAX_BATCH; i++) {
            tooMany.add(Map.of("vendor", vendor.slug(), "deviceId", "d" + i));
        }
        Answer big = api.post("/resolve/batch", Map.of("items", tooMany));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body().path("errors").get(0).path("field").asString()).isEqualTo("items");
        Answer oneBad = api.post("/resolve/batch", Map.of("items", List.of(Map.of("vendor", vendor.slug()))));
        assertThat(oneBad.body().path("errors").get(0).path("field").asString()).isEqualTo("items[0].deviceId");
    }

    @Test
    void onlyALiveServiceCredentialMayAsk() {
        try (DecisionClient none = new DecisionClient(port, null);
             DecisionClient wrong = new DecisionClient(port, "bkd_000000000000_" + "0".repeat(64));
             DecisionClient vendorKey = new DecisionClient(port, "bk_000000000000_" + "0".repeat(64))) {
            for (DecisionClient c : List.of(none, wrong, vendorKey)) {
                Answer refused = c.resolve(vendor.slug(), a.cameraId());
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.body().path("type").asString()).endsWith("/unauthenticated");
            }
        }
        String key = fixture.credential();
        try (DecisionClient c = new DecisionClient(port, key)) {
            assertThat(c.resolve(vendor.slug(), a.cameraId()).status()).isEqualTo(200);
            long id = jdbc.queryForObject("select id from service_credential where key_prefix = ?", Long.class,
                    key.split("_")[1]);
            runAs.as(DemoAccounts.ADMIN, () -> credentials.revoke(id));
            assertThat(c.resolve(vendor.slug(), a.cameraId()).status()).isEqualTo(401);
        }
    }

    @Test
    void theDataPlanesRequestsAreNotObservedFilterByFilter() throws Exception {
        // a request outside the decision API is observed by Spring Security: the meters exist here
        double before = securityObservations();
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        assertThat(securityObservations()).isGreaterThan(before);
        // the decision API's are not (the security filters' observations end before the answer is written)
        double observed = securityObservations();
        for (int i = 0; i < 3; i++) {
            assertThat(api.resolve(vendor.slug(), a.cameraId()).status()).isEqualTo(200);
        }
        assertThat(securityObservations()).isEqualTo(observed);
    }

    private double securityObservations() {
        return meters.getMeters().stream()
                .filter(m -> m instanceof Timer && m.getId().getName().startsWith("spring.security."))
                .mapToDouble(m -> ((Timer) m).count())
                .sum();
    }

    @Test
    void decisionsAreCountedByOutcomeAndReason() {
        double before = meters.counter("bridgekeeper.decisions", "operation", "authorize", "outcome", "DENY",
                "reason", "REQUESTER_NOT_OWNER").count();
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        api.authorize(vendor.slug(), a.cameraId(), a.displayId(), b.accountId(), keyA);
        assertThat(meters.counter("bridgekeeper.decisions", "operation", "authorize", "outcome", "DENY",
                "reason", "REQUESTER_NOT_OWNER").count()).isEqualTo(before + 1);
        assertThat(meters.timer("bridgekeeper.decision.latency", "operation", "authorize").count()).isPositive();
    }
}
