package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery observations over HTTP (issue 15, docs/observations.md): what a display really received.
 * Another household's content on a display is proven evidence through the same guard path as a denied
 * authorization; a bad batch is a problem and changes nothing.
 */
@IntegrationTest
class ObservationApiIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @Autowired
    ServiceCredentialService credentials;
    @Autowired
    ObservationService observations;
    @Autowired
    VendorApiKeyService apiKeys;
    @Autowired
    UserDetailsService users;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    DecisionClient api;
    Vendor vendor;
    Household a;
    Household b;

    @BeforeEach
    void setUp() {
        api = new DecisionClient(port, fixture.credential());
        vendor = fixture.vendor("observed");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void content_of_the_displays_own_household_is_stored_as_ok() {
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        Answer answer = api.post("/observations", batch(item(a.cameraId(), a.displayId(), keyA)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("results").get(0).get("outcome").asString()).isEqualTo("OK");
        assertThat(answer.body().get("violations").asInt()).isZero();
        assertThat(jdbc.queryForMap("select outcome, reported_by, content_owner_account_id, display_owner_account_id, "
                + "incident_id from delivery_observation where vendor_id = ?", vendor.id()))
                .containsEntry("outcome", "OK").containsEntry("reported_by", "DATA_PLANE")
                .containsEntry("content_owner_account_id", a.accountId())
                .containsEntry("display_owner_account_id", a.accountId()).containsEntry("incident_id", null);
        assertThat(incidents()).isZero();
    }

    @Test
    void another_households_content_on_a_display_halts_rolls_back_and_switches_the_cameras_off() {
        long rollout = runningRollout();
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        // A's still, with the key the vendor attached to it, arrived on B's display
        Answer answer = api.post("/observations", batch(item(a.cameraId(), b.displayId(), keyA)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("results").get(0).get("outcome").asString()).isEqualTo("VIOLATION");
        long incident = answer.body().get("results").get(0).get("incidentId").asLong();
        assertThat(jdbc.queryForMap("select kind, severity from incident where id = ?", incident))
                .containsEntry("kind", "ISOLATION_VIOLATION").containsEntry("severity", "SEV1");
        assertThat(jdbc.queryForMap("""
                select evidence_kind, evidence_grade, source_owner_account_id, target_owner_account_id
                from isolation_violation where incident_id = ?""", incident))
                .containsEntry("evidence_kind", "OBSERVED").containsEntry("evidence_grade", "PROVEN")
                .containsEntry("source_owner_account_id", a.accountId())
                .containsEntry("target_owner_account_id", b.accountId());
        assertThat(jdbc.queryForMap("select outcome, rollout_id, rollout_percent, incident_id from delivery_observation "
                + "where vendor_id = ?", vendor.id()))
                .containsEntry("outcome", "VIOLATION").containsEntry("rollout_id", rollout)
                .containsEntry("rollout_percent", 10).containsEntry("incident_id", incident);
        assertThat(jdbc.queryForObject("select state from rollout where id = ?", String.class, rollout))
                .isEqualTo("ROLLED_BACK");
        assertThat(jdbc.queryForObject("select coalesce(sum(isolation_violations), 0) from telemetry "
                + "where vendor_id = ? and source = 'OBSERVATION'", Long.class, vendor.id())).isEqualTo(1);

        fixture.sync();
        String fresh = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh, "SNAPSHOT").reason())
                .isEqualTo("CAPABILITY_SUSPENDED");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh).reason())
                .isEqualTo("CAPABILITY_SUSPENDED");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh, "CONTROL").outcome())
                .as("locks and lights keep working").isEqualTo("ALLOW");

        // seen again while the cameras are off: recorded on the same incident, who was exposed, nothing more
        Answer again = api.post("/observations", batch(item(a.cameraId(), b.displayId(), keyA)));
        assertThat(again.body().get("results").get(0).get("incidentId").asLong()).isEqualTo(incident);
        assertThat(jdbc.queryForObject("select count(*) from suspension where vendor_id = ?", Long.class, vendor.id()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from isolation_violation where incident_id = ?", Long.class,
                incident)).isEqualTo(2);
    }

    @Test
    void the_vendors_own_check_reports_through_the_partner_api_with_the_same_effect() {
        long rollout = runningRollout();
        String keyB = api.resolve(vendor.slug(), b.cameraId()).cacheKey();
        PartnerApi partner = PartnerApi.forVendor(port, vendor.id(), apiKeys, users);
        Map<String, Object> item = item(b.cameraId(), a.displayId(), keyB);
        item.remove("vendor");
        HttpResponse<String> response = partner.post("/observations", write(batch(item)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"VIOLATION\"");
        assertThat(jdbc.queryForObject("select reported_by from delivery_observation where vendor_id = ?", String.class,
                vendor.id())).isEqualTo("VENDOR");
        assertThat(jdbc.queryForObject("select state from rollout where id = ?", String.class, rollout))
                .isEqualTo("ROLLED_BACK");
        assertThat(jdbc.queryForObject("select status from vendor where id = ?", String.class, vendor.id()))
                .isEqualTo("SUSPENDED");

        // another vendor's camera, named through this vendor's key: the same answer as an unknown device
        Vendor other = fixture.vendor("other");
        Household c = fixture.household(other);
        String keyC = api.resolve(other.slug(), c.cameraId()).cacheKey();
        Map<String, Object> foreign = item(c.cameraId(), c.displayId(), keyC);
        foreign.remove("vendor");
        HttpResponse<String> refused = partner.post("/observations", write(batch(foreign)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("items[0].contentDeviceId").contains("No device '" + c.cameraId() + "' of this vendor.");
        assertThat(refused.body()).doesNotContain("Exception");
    }

    @Test
    void bad_observations_are_problems_and_change_nothing() {
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        String keyB = api.resolve(vendor.slug(), b.cameraId()).cacheKey();
        long before = changes();

        expectProblem(batch(item("no-such-camera", a.displayId(), keyA)), 400, "items[0].contentDeviceId");
        expectProblem(batch(item(a.cameraId(), "no-such-display", keyA)), 400, "items[0].displayDeviceId");
        String forged = keyA.substring(0, keyA.length() - 2) + (keyA.endsWith("AA") ? "BB" : "AA");
        expectProblem(batch(item(a.cameraId(), b.displayId(), forged)), 400, "items[0].cacheKey");
        expectProblem(batch(item(a.cameraId(), b.displayId(), keyB)), 400, "items[0].cacheKey");
        Map<String, Object> future = item(a.cameraId(), b.displayId(), keyA);
        future.put("observedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        expectProblem(batch(future), 400, "items[0].observedAt");
        Map<String, Object> old = item(a.cameraId(), b.displayId(), keyA);
        old.put("observedAt", Instant.now().minus(2, ChronoUnit.DAYS).toString());
        expectProblem(batch(old), 400, "items[0].observedAt");
        Map<String, Object> garbled = item(a.cameraId(), b.displayId(), keyA);
        garbled.put("observedAt", "yesterday");
        garbled.put("capability", "TELEPORT");
        expectProblem(batch(garbled), 400, "items[0].capability");
        expectProblem(batch(item(a.cameraId() + "\u0000", b.displayId(), keyA)), 400, "items[0].contentDeviceId");
        // a good violation beside a bad item: the whole batch is refused, the violation not acted on
        expectProblem(batch(item(a.cameraId(), b.displayId(), keyA), item("nope", b.displayId(), keyA)), 400,
                "items[1].contentDeviceId");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < ObservationService.MAX_BATCH + 1; i++) {
            many.add(item(a.cameraId(), a.displayId(), keyA));
        }
        expectProblem(Map.of("items", many), 400, "items");
        expectProblem(Map.of("items", List.of()), 400, "items");

        assertThat(changes()).as("observations, violations, incidents, suspensions, telemetry").isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from vendor where id = ?", String.class, vendor.id()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void a_credential_needs_the_observe_call_and_the_vendor_in_its_scope() {
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        long before = changes();
        String noObserve = runAs.as(DemoAccounts.ADMIN, () -> credentials.create(TestData.unique("no observe"),
                new CredentialScope(EnumSet.of(DecisionCall.RESOLVE, DecisionCall.AUTHORIZE), Set.of(),
                        CredentialScope.DEFAULT_RATE)).key());
        Vendor other = fixture.vendor("elsewhere");
        String otherVendorOnly = runAs.as(DemoAccounts.ADMIN, () -> credentials.create(TestData.unique("other only"),
                new CredentialScope(EnumSet.allOf(DecisionCall.class), Set.of(other.id()),
                        CredentialScope.DEFAULT_RATE)).key());
        fixture.sync();
        try (DecisionClient without = new DecisionClient(port, noObserve);
             DecisionClient outside = new DecisionClient(port, otherVendorOnly)) {
            Answer refused = without.post("/observations", batch(item(a.cameraId(), b.displayId(), keyA)));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("detail").asString()).contains("may not call observe");
            Answer outOfScope = outside.post("/observations", batch(item(a.cameraId(), b.displayId(), keyA)));
            assertThat(outOfScope.status()).isEqualTo(403);
            assertThat(outOfScope.body().toString()).contains("items[0].vendor");
        }
        assertThat(changes()).isEqualTo(before);
    }

    @Test
    void only_the_data_plane_and_the_vendor_may_call_the_service() {
        List<Observation> none = List.of();
        for (String person : List.of(DemoAccounts.ADMIN, DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD)) {
            assertThatThrownBy(() -> runAs.as(person, () -> observations.observe(none)))
                    .as(person).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(person, () -> observations.observeForVendor(vendor.id(), none)))
                    .as(person).isInstanceOf(AccessDeniedException.class);
        }
    }

    private void expectProblem(Object body, int status, String field) {
        Answer answer = api.post("/observations", body);
        assertThat(answer.status()).as(field).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(answer.body().toString()).as(field).contains("\"field\":\"" + field + "\"");
    }

    private long changes() {
        return jdbc.queryForObject("""
                select (select count(*) from delivery_observation) + (select count(*) from isolation_violation)
                     + (select count(*) from incident) + (select count(*) from suspension)
                     + (select count(*) from telemetry)""", Long.class);
    }

    private long incidents() {
        return jdbc.queryForObject("select count(*) from incident where vendor_id = ?", Long.class, vendor.id());
    }

    private Map<String, Object> item(String content, String display, String key) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("vendor", vendor.slug());
        item.put("contentDeviceId", content);
        item.put("displayDeviceId", display);
        item.put("capability", "SNAPSHOT");
        item.put("cacheKey", key);
        item.put("observedAt", Instant.now().minusSeconds(1).toString());
        return item;
    }

    @SafeVarargs
    private static Map<String, Object> batch(Map<String, Object>... items) {
        return Map.of("items", List.of(items));
    }

    private String write(Object body) {
        return json.writeValueAsString(body);
    }

    private long runningRollout() {
        return fixture.runningRollout(vendor);
    }
}
