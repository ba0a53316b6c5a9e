package io.bridgekeeper.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class VendorApiKeyIT {

    @Autowired
    VendorApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    long vendor(String slug) {
        return jdbc.queryForObject("select id from vendor where slug = ?", Long.class, slug);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_key_is_shown_once_stored_hashed_authenticates_and_stops_when_revoked() throws Exception {
        NewApiKey key = keys.create(vendor("lumacam"), "sync worker");

        String stored = jdbc.queryForObject("select key_hash from vendor_api_key where id = ?", String.class, key.id());
        assertThat(stored).doesNotContain(key.secret()).hasSize(64);
        assertThat(keys.list(vendor("lumacam"))).anySatisfy(k -> {
            assertThat(k.prefix()).isEqualTo(key.prefix());
            assertThat(k.isActive()).isTrue();
        });
        assertThat(get("/api/partner/v1/me", key.secret()).body()).contains("\"vendor\":\"lumacam\"");

        keys.revoke(vendor("lumacam"), key.id());

        HttpResponse<String> refused = get("/api/partner/v1/me", key.secret());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_partner_manager_cannot_touch_another_vendors_keys() {
        assertThatThrownBy(() -> keys.create(vendor("brightway"), "mine now"))
                .isInstanceOf(DomainException.class).hasMessageContaining("No vendor");
        assertThatThrownBy(() -> keys.list(vendor("brightway"))).isInstanceOf(DomainException.class);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.HOUSEHOLD, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_household_cannot_create_keys() {
        assertThatThrownBy(() -> keys.create(vendor("lumacam"), "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_wrong_or_missing_key_gets_a_401_problem() throws Exception {
        assertThat(get("/api/partner/v1/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> forged = get("/api/partner/v1/me", "bk_000000000000_" + "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"status\":401").contains("Bearer");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
