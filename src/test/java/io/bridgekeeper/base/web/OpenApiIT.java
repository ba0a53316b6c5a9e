package io.bridgekeeper.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app serves an OpenAPI description of each machine API, readable without any session or key,
 * and each document holds exactly its own API and names the credential it takes.
 */
@IntegrationTest
class OpenApiIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_decision_api_is_described_with_its_service_credential() throws Exception {
        JsonNode doc = get("/v3/api-docs/decision");

        assertThat(doc.path("openapi").asString()).startsWith("3.");
        assertThat(names(doc.path("paths"))).containsExactlyInAnyOrder(
                "/api/decision/v1/resolve", "/api/decision/v1/resolve/batch",
                "/api/decision/v1/authorize", "/api/decision/v1/authorize/batch", "/api/decision/v1/observations",
                "/api/decision/v1/compatibility");
        assertThat(doc.path("components").path("securitySchemes").path("serviceCredential").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.path("security").toString()).contains("serviceCredential");
        assertThat(doc.path("paths").path("/api/decision/v1/authorize").path("post").path("description").asString())
                .contains("OWNER_MISMATCH", "STALE_CACHE_KEY", "FORGED_CACHE_KEY", "NOT_CERTIFIED");
        // the request body is described field by field, so a client can be generated from it
        JsonNode authorize = doc.path("components").path("schemas").path("AuthorizeBody").path("properties");
        assertThat(names(authorize)).contains("vendor", "sourceDeviceId", "targetDeviceId", "requesterAccountId",
                "capability", "cacheKey");
    }

    @Test
    void the_partner_api_is_described_with_its_vendor_key_and_nothing_else() throws Exception {
        JsonNode doc = get("/v3/api-docs/partner");

        assertThat(names(doc.path("paths"))).isNotEmpty().allMatch(p -> p.startsWith("/api/partner/"))
                .contains("/api/partner/v1/models", "/api/partner/v1/models/{code}/compatibility",
                        "/api/partner/v1/compatibility", "/api/partner/v1/compatibility/lookup", "/api/partner/v1/surfaces");
        // a device sync may name the device's model
        assertThat(names(doc.path("components").path("schemas").path("DeviceItem").path("properties"))).contains("model");
        // the device endpoint a vendor implements for OAuth linking: a documented, versioned contract
        JsonNode deviceEndpoint = doc.path("webhooks").path("vendorDeviceEndpoint").path("get");
        assertThat(deviceEndpoint.path("description").asString()).contains("Authorization: Bearer");
        assertThat(names(doc.path("components").path("schemas").path("VendorDeviceList").path("properties")))
                .contains("version", "account", "devices");
        assertThat(names(doc.path("paths"))).contains("/api/partner/v1/accounts/{externalAccountId}/devices/changed");
        assertThat(doc.path("components").path("securitySchemes").has("vendorApiKey")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("serviceCredential")).isFalse();
    }

    @Test
    void the_documents_are_read_only() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs/decision"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private static java.util.List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }
}
