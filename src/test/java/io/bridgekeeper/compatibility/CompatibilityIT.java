package io.bridgekeeper.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.AuthorizeRequest;
import io.bridgekeeper.decision.Decision;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionEngine;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.decision.ResolveRequest;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21 on real processes: a model certified on a surface, its certification revoked (a scoped suspension that
 * authorize enforces as NOT_CERTIFIED on both nodes, for exactly that model and surface) and certified again; the
 * partner API's bad input as problems; who may do what; the rollout approval's warning; the data plane's lookup.
 */
@IntegrationTest
class CompatibilityIT {

    static ConfigurableApplicationContext node2;

    @Autowired
    DecisionFixture fixture;
    @Autowired
    CompatibilityService compatibility;
    @Autowired
    DecisionEngine engine;
    @Autowired
    RolloutService rollouts;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    Vendor vendor;
    Household a;
    Household b;
    PartnerApi partner;
    String model;
    long modelId;
    String appDisplay;

    @BeforeAll
    static void startSecondNode(@Autowired HikariDataSource dataSource) {
        node2 = SecondNode.start(dataSource, "node-compat");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    /**
     * A vendor whose model is certified on smart displays and in the mobile app for v1; household a's camera is of
     * that model (named by the vendor's sync), with a smart display and an app "display"; household b's camera has
     * no model.
     */
    @BeforeEach
    void certifiedModel() {
        vendor = fixture.vendor("compat");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
        partner = PartnerApi.forVendor(port, vendor.id(), keys, users);
        model = "CAM-" + TestData.unique("m").replaceAll("[^A-Za-z0-9]", "").substring(0, 8);
        HttpResponse<String> registered = partner.post("/models", """
                {"code": "%s", "name": "Indoor camera", "kind": "CAMERA", "capabilities": ["CAMERA_STREAM", "SNAPSHOT"]}
                """.formatted(model));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        modelId = read(registered).path("id").asLong();
        for (String surface : List.of("smart-display", "mobile-app")) {
            HttpResponse<String> declared = partner.put("/models/" + model + "/compatibility", """
                    {"surface": "%s", "capability": "CAMERA_STREAM", "sinceVersion": "v1"}""".formatted(surface));
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
            run.as(DemoAccounts.ADMIN, () -> compatibility.certify(modelId, surface, "v1"));
        }
        HttpResponse<String> synced = partner.put("/accounts/" + a.email().replace("@example.com", "") + "-ext/devices",
                "{\"devices\":[{\"id\":\"" + a.cameraId() + "\",\"kind\":\"CAMERA\",\"name\":\"Camera\",\"model\":\""
                        + model + "\"}]}");
        assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
        jdbc.update("update device set surface_code = 'smart-display' where vendor_id is null and vendor_device_id in (?, ?)",
                a.displayId(), b.displayId());
        appDisplay = a.displayId() + "-app";
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since, surface_code)
                values (null, ?, 'DISPLAY', 'Phone', ?, 'ACTIVE', now(), 'mobile-app')""", appDisplay, a.accountId());
        fixture.sync();
    }

    @Test
    void a_revocation_refuses_exactly_that_model_on_that_surface_on_both_nodes_until_certified_again() {
        DecisionEngine other = node2.getBean(DecisionEngine.class);
        CertificationSwitch otherSwitch = node2.getBean(CertificationSwitch.class);
        for (DecisionEngine node : List.of(engine, other)) {
            assertThat(authorize(node, a, a.displayId())).isEqualTo("ALLOW");
            assertThat(authorize(node, a, appDisplay)).isEqualTo("ALLOW");
        }
        long[] appliedOnNode2 = {0};
        otherSwitch.onApplied(() -> appliedOnNode2[0] = System.nanoTime());

        long before = System.nanoTime();
        RevocationReach reach = run.as(DemoAccounts.ADMIN,
                () -> compatibility.revoke(modelId, "smart-display", "streams froze on the 2026 display firmware"));
        long committed = System.nanoTime();

        assertThat(reach.devices()).isEqualTo(1);
        assertThat(reach.households()).isEqualTo(1);
        assertThat(authorize(engine, a, a.displayId())).as("the acting node, at once").isEqualTo("DENY NOT_CERTIFIED");
        await().atMost(Duration.ofSeconds(5)).until(() -> authorize(other, a, a.displayId()).equals("DENY NOT_CERTIFIED"));
        System.out.printf("certification revocation applied on node 2 %.1f ms after the revoking call returned "
                + "(the call took %.1f ms)%n", (appliedOnNode2[0] - committed) / 1e6, (committed - before) / 1e6);
        for (DecisionEngine node : List.of(engine, other)) {
            assertThat(authorize(node, a, appDisplay)).as("another surface").isEqualTo("ALLOW");
            assertThat(authorize(node, b, b.displayId())).as("a device without the model").isEqualTo("ALLOW");
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'CERTIFICATION_REVOKED' and vendor_id = ?
                and after_state ->> 'reasonCode' = 'CERTIFICATION' and (after_state ->> 'devices')::int = 1""",
                Integer.class, vendor.id())).isEqualTo(1);
        List<WorksWith> shown = run.as(a.email(), () -> compatibility.worksWith(vendor.id(), model));
        assertThat(shown).extracting(WorksWith::surfaceCode, WorksWith::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("smart-display", CertificationStatus.REVOKED),
                org.assertj.core.groups.Tuple.tuple("mobile-app", CertificationStatus.CERTIFIED));
        assertThat(shown.getFirst().revokedReason()).isEqualTo("streams froze on the 2026 display firmware");

        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> compatibility.revoke(modelId, "smart-display", "again")))
                .isInstanceOf(DomainException.class).extracting("type").isEqualTo("already-revoked");

        run.as(DemoAccounts.ADMIN, () -> compatibility.certify(modelId, "smart-display", "v1"));
        assertThat(authorize(engine, a, a.displayId())).isEqualTo("ALLOW");
        await().atMost(Duration.ofSeconds(5)).until(() -> authorize(other, a, a.displayId()).equals("ALLOW"));
    }

    @Test
    void bad_input_through_the_partner_api_is_a_problem_naming_the_field_and_writes_nothing() {
        long models = count("device_model");
        long entries = count("compatibility");
        problem(partner.post("/models", "{\"code\": \"bad code!\", \"name\": \"x\", \"kind\": \"CAMERA\", "
                + "\"capabilities\": [\"SNAPSHOT\"]}"), 400, "code");
        problem(partner.post("/models", "{\"code\": \"" + model + "\", \"name\": \"again\", \"kind\": \"CAMERA\", "
                + "\"capabilities\": [\"SNAPSHOT\"]}"), 409, "code");
        problem(partner.post("/models", "{\"code\": \"X-1\", \"name\": \"x\", \"kind\": \"TOASTER\", "
                + "\"capabilities\": [\"SNAPSHOT\"]}"), 400, "kind");
        problem(partner.post("/models", "{\"code\": \"X-1\", \"name\": \"x\", \"kind\": \"CAMERA\", "
                + "\"capabilities\": [\"TELEPORT\"]}"), 400, "capabilities");
        problem(partner.post("/models", "{\"code\": \"X-1\", \"name\": \"x\", \"kind\": \"CAMERA\"}"), 400, "capabilities");
        problem(partner.put("/models/NO-SUCH/compatibility", "{\"surface\": \"smart-display\", \"capability\": "
                + "\"SNAPSHOT\", \"sinceVersion\": \"v1\"}"), 404, null);
        problem(partner.put("/models/" + model + "/compatibility", "{\"surface\": \"toaster\", \"capability\": "
                + "\"SNAPSHOT\", \"sinceVersion\": \"v1\"}"), 400, "surface");
        problem(partner.put("/models/" + model + "/compatibility", "{\"surface\": \"smart-display\", \"capability\": "
                + "\"SNAPSHOT\", \"sinceVersion\": \"v9\"}"), 400, "sinceVersion");
        problem(partner.put("/models/" + model + "/compatibility", "{\"surface\": \"smart-display\", \"capability\": "
                + "\"CONTROL\", \"sinceVersion\": \"v1\"}"), 400, "capability");
        problem(partner.put("/models/" + model + "/compatibility", "{\"surface\": \"speaker\", \"capability\": "
                + "\"SNAPSHOT\", \"sinceVersion\": \"v1\"}"), 400, "capability");
        problem(partner.put("/models/" + model + "/compatibility", "not json"), 400, null);
        problem(partner.post("/compatibility/lookup", "{\"items\": []}"), 400, "items");
        problem(partner.put("/accounts/" + a.email().replace("@example.com", "") + "-ext/devices",
                "{\"devices\":[{\"id\":\"" + a.cameraId() + "\",\"kind\":\"CAMERA\",\"name\":\"Camera\",\"model\":\"NOT-REGISTERED\"}]}"),
                400, null);

        // another vendor's model is not this vendor's to declare, and its lookup says nothing about it
        Vendor otherVendor = fixture.vendor("compat-other");
        PartnerApi otherPartner = PartnerApi.forVendor(port, otherVendor.id(), keys, users);
        problem(otherPartner.put("/models/" + model + "/compatibility", "{\"surface\": \"smart-display\", "
                + "\"capability\": \"SNAPSHOT\", \"sinceVersion\": \"v1\"}"), 404, null);
        JsonNode foreign = read(otherPartner.post("/compatibility/lookup",
                "{\"items\": [{\"model\": \"" + model + "\", \"surface\": \"smart-display\"}]}"));
        assertThat(foreign.path("results").get(0).path("known").asBoolean()).isFalse();
        JsonNode own = read(partner.post("/compatibility/lookup",
                "{\"items\": [{\"model\": \"" + model + "\", \"surface\": \"smart-display\"}]}"));
        assertThat(own.path("results").get(0).path("status").asString()).isEqualTo("CERTIFIED");

        assertThat(count("device_model")).isEqualTo(models);
        assertThat(count("compatibility")).isEqualTo(entries);
        assertThat(jdbc.queryForObject("select model_code from device where vendor_id = ? and vendor_device_id = ?",
                String.class, vendor.id(), a.cameraId())).as("the refused sync changed nothing").isEqualTo(model);
    }

    @Test
    void only_admins_certify_households_see_only_what_was_certified_and_a_partner_only_its_own_vendor() {
        assertThatThrownBy(() -> run.as(a.email(), () -> compatibility.certify(modelId, "smart-display", "v1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> compatibility.revoke(modelId, "smart-display", "x")))
                .isInstanceOf(AccessDeniedException.class);
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.LIGHTS_PARTNER, () -> compatibility.registerModel(lumacam,
                new NewDeviceModel("LIGHTS-TRY", "x", "CAMERA", List.of("SNAPSHOT")))))
                .isInstanceOf(DomainException.class).extracting("type").isEqualTo("vendor-not-found");
        assertThatThrownBy(() -> run.as(DemoAccounts.LIGHTS_PARTNER, () -> compatibility.entries(lumacam)))
                .isInstanceOf(DomainException.class);

        // declared, not yet certified: the vendor's side and the admins see it, households and other partners do not
        run.as(DemoAccounts.ADMIN, () -> compatibility.declare(vendor.id(), model,
                new NewCompatibility("speaker-screen", "SNAPSHOT", "v1")));
        CompatibilityFilter mine = new CompatibilityFilter(model, null, null, null);
        assertThat(run.as(DemoAccounts.ADMIN, () -> compatibility.table(mine, 50, 0)))
                .extracting(CompatibilityRow::surfaceCode).containsExactlyInAnyOrder("smart-display", "mobile-app", "speaker-screen");
        assertThat(run.as(a.email(), () -> compatibility.table(mine, 50, 0)))
                .extracting(CompatibilityRow::surfaceCode).containsExactlyInAnyOrder("smart-display", "mobile-app");
        assertThat(run.as(DemoAccounts.LIGHTS_PARTNER, () -> compatibility.count(mine))).isEqualTo(2);
        assertThat(run.as(a.email(), () -> compatibility.table(new CompatibilityFilter(model, null, null,
                CertificationStatus.DECLARED), 50, 0))).isEmpty();
    }

    @Test
    void a_rollout_to_a_version_the_certified_model_lacks_warns_before_approval_and_the_data_plane_can_look_it_up() {
        long rollout = fixture.runningRollout(vendor);
        List<String> warnings = run.as(DemoAccounts.ADMIN, () -> rollouts.approvalWarnings(rollout, Locale.ENGLISH));
        assertThat(warnings).singleElement().asString().contains(model + " on Smart display", model + " on Mobile app", "v2");
        assertThat(run.as(DemoAccounts.ADMIN, () -> rollouts.approvalWarnings(rollout, Locale.GERMAN)))
                .singleElement().asString().startsWith("Achtung");
        run.as(DemoAccounts.ADMIN, () -> compatibility.certify(modelId, "smart-display", "v2"));
        run.as(DemoAccounts.ADMIN, () -> compatibility.certify(modelId, "mobile-app", "v2"));
        assertThat(run.as(DemoAccounts.ADMIN, () -> rollouts.approvalWarnings(rollout, Locale.ENGLISH))).isEmpty();

        run.as(DemoAccounts.ADMIN, () -> compatibility.revoke(modelId, "mobile-app", "the app shows a black frame"));
        try (DecisionClient api = new DecisionClient(port, fixture.credential())) {
            DecisionClient.Answer answer = api.post("/compatibility", Map.of("items", List.of(
                    Map.of("vendor", vendor.slug(), "model", model, "surface", "smart-display"),
                    Map.of("vendor", vendor.slug(), "model", model, "surface", "mobile-app"),
                    Map.of("vendor", vendor.slug(), "model", "NO-SUCH", "surface", "smart-display"))));
            assertThat(answer.status()).isEqualTo(200);
            JsonNode results = answer.body().path("results");
            assertThat(results.get(0).path("status").asString()).isEqualTo("CERTIFIED");
            assertThat(results.get(0).path("certifiedVersions").toString()).contains("v1", "v2");
            assertThat(results.get(1).path("suspended").asBoolean()).isTrue();
            assertThat(results.get(1).path("status").asString()).isEqualTo("REVOKED");
            assertThat(results.get(2).path("known").asBoolean()).isFalse();
            DecisionClient.Answer bad = api.post("/compatibility",
                    Map.of("items", List.of(Map.of("vendor", vendor.slug()))));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body().path("errors").toString()).contains("items[0].model", "items[0].surface");
        }
    }

    private String authorize(DecisionEngine node, Household h, String display) {
        String key = node.resolve(new ResolveRequest(vendor.slug(), h.cameraId())).cacheKey();
        Decision d = node.authorize(new AuthorizeRequest(vendor.slug(), h.cameraId(), null, display, h.accountId(),
                Capability.CAMERA_STREAM, key));
        return d.outcome() + (d.reason() == null ? "" : " " + d.reason());
    }

    private void problem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        if (field != null) {
            assertThat(read(response).path("errors").get(0).path("field").asString()).as(response.body()).isEqualTo(field);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
