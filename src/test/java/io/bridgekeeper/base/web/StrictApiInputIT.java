package io.bridgekeeper.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.audit.IncidentService;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.ServiceCredentialService;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RawHttp;
import io.bridgekeeper.support.RawHttp.Response;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.NewVendor;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The APIs take only what they document: JSON bodies, clean text, counts within sane bounds. Anything
 * else is a 4xx problem naming what is wrong: never a redirect to the portal's sign-in page, never a
 * 500, and nothing reaches the database.
 */
@IntegrationTest
class StrictApiInputIT {

    @LocalServerPort
    int port;
    @Autowired
    TestVendors vendors;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VendorService vendorService;
    @Autowired
    ServiceCredentialService credentials;
    @Autowired
    IncidentService incidents;

    RawHttp http;
    String key;
    TestVendors.TestVendor vendor;

    @BeforeEach
    void vendorCloud() {
        http = new RawHttp(port);
        vendor = vendors.create("strict");
        key = PartnerApi.as(users, DemoAccounts.ADMIN, () -> keys.create(vendor.id(), "strict input").secret());
        PartnerApi api = new PartnerApi(port, key);
        assertThat(api.post("/cache-versions", "{\"label\":\"1.0\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void wildcard_and_unknown_content_types_are_415_problems() {
        for (String type : new String[] {"*/*", "application/*", "multipart/form-data", "text/plain", "application/xml",
                "not a type", "application/json;charset=nonsense"}) {
            Response r = http.send("POST", "/api/partner/v1/cache-versions",
                    Map.of("Authorization", "Bearer " + key, "Content-Type", type), "{\"label\":\"x\"}");
            assertThat(r.status()).as(type + " → " + r.body()).isEqualTo(415);
            assertThat(r.header("content-type")).as(type).startsWith("application/problem+json");
        }
    }

    @Test
    void multipart_without_a_boundary_is_no_server_error_anywhere() {
        // the fuzz test met it on a portal path: Spring MVC parsed the body as multipart and threw
        for (String path : new String[] {"/login", "/", "/admin/vendors", "/api/partner/v1/me"}) {
            for (String method : new String[] {"GET", "POST"}) {
                Response r = http.send(method, path, Map.of("Content-Type", "multipart/form-data"), "x");
                assertThat(r.status()).as(method + " " + path + " → " + r.body()).isLessThan(500);
            }
        }
    }

    @Test
    void container_level_refusals_on_api_paths_are_problems_not_redirects() {
        for (String path : new String[] {"/api/partner/v1/me;jsessionid=x", "/api//partner/v1/me", "/api/partner/v1/%ZZ",
                "/api/partner/v1/%2e%2e/me", "/api/decision/v1/%2e%2e/resolve", "/api/partner/v1/me%00",
                "/api/partner/v1/../../login"}) {
            Response r = http.send("GET", path, Map.of("Authorization", "Bearer " + key), (String) null);
            assertThat(r.status()).as(path + " → " + r.headers()).isBetween(400, 499);
            assertThat(r.header("location")).as(path).isNull();
        }
        Response trace = http.send("TRACE", "/api/partner/v1/me", Map.of("Authorization", "Bearer " + key), (String) null);
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.header("location")).isNull();
    }

    @Test
    void a_nul_or_control_character_is_a_field_specific_400_not_a_database_conflict() {
        Response nul = post("/api/partner/v1/cache-versions", "{\"label\":\"2.0\\u0000x\"}");
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.body()).contains("\"field\":\"label\"");

        Response escape = post("/api/partner/v1/cache-versions", "{\"label\":\"2.1\",\"description\":\"\\u001b[31mred\"}");
        assertThat(escape.status()).as(escape.body()).isEqualTo(400);
        assertThat(escape.body()).contains("\"field\":\"description\"");
    }

    @Test
    void bidi_overrides_and_escape_sequences_are_refused_in_device_names() {
        Response bidi = http.send("PUT", "/api/partner/v1/accounts/" + vendor.slug() + "-ext-a/devices",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                "{\"devices\":[{\"id\":\"cam-x\",\"kind\":\"CAMERA\",\"name\":\"Garden \\u202egpj.exe\"}]}");
        assertThat(bidi.status()).as(bidi.body()).isEqualTo(400);
        assertThat(bidi.body()).contains("devices[0].name");
        assertThat(jdbc.queryForObject("select count(*) from device where vendor_id = ? and name like '%gpj%'",
                Long.class, vendor.id())).isZero();
    }

    @Test
    void telemetry_counts_have_a_sane_upper_bound_per_minute() {
        String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60).toString();
        Response huge = post("/api/partner/v1/telemetry", """
                {"reports": [{"cacheVersion": "1.0", "minute": "%s", "deliveries": 9223372036854775807, "errors": 0,
                 "isolationViolations": 0}]}""".formatted(minute));
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("reports[0].deliveries");
        assertThat(jdbc.queryForObject("select count(*) from telemetry where vendor_id = ?", Long.class, vendor.id())).isZero();
    }

    @Test
    void the_portal_services_hold_names_and_texts_to_the_same_rule_with_a_field_message() {
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN, () -> vendorService.create(
                new NewVendor(TestData.unique("bidi"), "Luma\u202eCam", EnumSet.of(Capability.SNAPSHOT), null))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("U+202E");
                });
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN, () -> keys.create(vendor.id(), "k\u0000ey")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN, () -> credentials.create("edge\u202ecluster")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN, () -> {
            incidents.addNote(1, "all clear\u001b[2J");
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("note"));
    }

    private Response post(String path, String json) {
        return http.send("POST", path, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"), json);
    }
}
