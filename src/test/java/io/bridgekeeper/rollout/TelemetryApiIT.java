package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.rollout.RolloutFixtures.Setup;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.KillSwitch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The partner API of rollouts over HTTP, as a vendor's cloud calls it. */
@IntegrationTest
class TelemetryApiIT {

    @Autowired
    RolloutFixtures fx;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void the_first_violation_reported_by_the_vendor_halts_and_rolls_back_its_rollout_at_once() throws Exception {
        Setup s = fx.vendor("apileak");
        long id = fx.running(s, fx.plan(s, StagePlan.TEMPLATE, 3600, 100, "0.05", 7200));
        String key = fx.apiKey(s);
        String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60).toString();

        HttpResponse<String> fine = post(key, "/api/partner/v1/telemetry", """
                {"reports": [{"cacheVersion": "2.0", "minute": "%s", "deliveries": 40, "errors": 1, "isolationViolations": 0}]}
                """.formatted(minute));
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fx.state(id)).isEqualTo("RUNNING");

        HttpResponse<String> leak = post(key, "/api/partner/v1/telemetry", """
                {"reports": [{"cacheVersion": "2.0", "minute": "%s", "deliveries": 41, "errors": 1, "isolationViolations": 1}]}
                """.formatted(minute));

        assertThat(leak.statusCode()).isEqualTo(200);
        assertThat(leak.body()).contains("\"isolationViolations\":1").contains("\"incidentId\":");
        assertThat(fx.state(id)).isEqualTo("ROLLED_BACK");
        assertThat(killSwitch.isSuspended(s.vendorId(), Capability.SNAPSHOT)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from incident where rollout_id = ? and severity = 'SEV1'",
                Long.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select deliveries from telemetry where vendor_id = ? and minute = ?::timestamptz",
                Long.class, s.vendorId(), minute)).as("a minute reported again replaces its counts").isEqualTo(41);
    }

    @Test
    void bad_telemetry_is_refused_with_a_problem_that_names_the_field() throws Exception {
        Setup s = fx.vendor("apibad");
        String key = fx.apiKey(s);
        String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(120).toString();

        HttpResponse<String> unknown = post(key, "/api/partner/v1/telemetry", """
                {"reports": [{"cacheVersion": "9.9", "minute": "%s", "deliveries": 1, "errors": 0, "isolationViolations": 0}]}
                """.formatted(minute));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("unknown-cache-version").contains("reports[0].cacheVersion");

        HttpResponse<String> notAMinute = post(key, "/api/partner/v1/telemetry", """
                {"reports": [{"cacheVersion": "2.0", "minute": "2026-01-01T10:00:30Z", "deliveries": 1, "errors": 0, "isolationViolations": 0}]}
                """);
        assertThat(notAMinute.statusCode()).isEqualTo(400);
        assertThat(notAMinute.body()).contains("invalid-minute");

        HttpResponse<String> moreErrors = post(key, "/api/partner/v1/telemetry", """
                {"reports": [{"cacheVersion": "2.0", "minute": "%s", "deliveries": 1, "errors": 2, "isolationViolations": 0}]}
                """.formatted(minute));
        assertThat(moreErrors.statusCode()).isEqualTo(400);
        assertThat(moreErrors.body()).contains("reports[0].errors");

        HttpResponse<String> broken = post(key, "/api/partner/v1/telemetry", "{\"reports\": [");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(post(null, "/api/partner/v1/telemetry", "{}").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from telemetry where vendor_id = ?", Long.class, s.vendorId()))
                .isZero();
    }

    @Test
    void a_vendor_registers_a_cache_version_and_lists_its_own() throws Exception {
        Setup s = fx.vendor("apiversion");
        String key = fx.apiKey(s);

        HttpResponse<String> created = post(key, "/api/partner/v1/cache-versions",
                "{\"label\": \"3.0\", \"description\": \"Per-owner keys\", \"releaseNotes\": \"- keys carry the owner\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> again = post(key, "/api/partner/v1/cache-versions", "{\"label\": \"3.0\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("label-taken");

        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/partner/v1/cache-versions"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains("\"label\":\"3.0\"").contains("\"label\":\"1.0\",")
                .doesNotContain("brightway");
    }

    private HttpResponse<String> post(String key, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
