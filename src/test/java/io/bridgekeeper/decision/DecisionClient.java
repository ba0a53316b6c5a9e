package io.bridgekeeper.decision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The test plays the platform's data plane: JSON over HTTP with a service credential. */
public final class DecisionClient implements AutoCloseable {

    private final String base;
    private final String credential;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    public DecisionClient(int port, String credential) {
        this.base = "http://localhost:" + port + "/api/decision/v1";
        this.credential = credential;
    }

    public record Answer(int status, JsonNode body, HttpHeaders headers) {
        public String outcome() {
            return body.path("outcome").asString();
        }

        public String reason() {
            return body.path("reason").isNull() || body.path("reason").isMissingNode() ? null : body.path("reason").asString();
        }

        public String cacheKey() {
            return body.path("cacheKey").asString();
        }

        public String versionLabel() {
            return body.path("cacheVersion").path("label").asString();
        }
    }

    public Answer resolve(String vendor, String deviceId) {
        return post("/resolve", Map.of("vendor", vendor, "deviceId", deviceId));
    }

    public Answer authorize(String vendor, String source, String targetDisplay, long requester, String key) {
        return post("/authorize", authorizeBody(vendor, source, targetDisplay, requester, key));
    }

    /** The same delivery for another capability (CONTROL, SNAPSHOT). */
    public Answer authorize(String vendor, String source, String targetDisplay, long requester, String key,
                            String capability) {
        Map<String, Object> body = authorizeBody(vendor, source, targetDisplay, requester, key);
        body.put("capability", capability);
        return post("/authorize", body);
    }

    public static Map<String, Object> authorizeBody(String vendor, String source, String targetDisplay, long requester,
                                                    String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vendor", vendor);
        body.put("sourceDeviceId", source);
        body.put("targetDeviceId", targetDisplay);
        body.put("requesterAccountId", requester);
        body.put("capability", "CAMERA_STREAM");
        body.put("cacheKey", key);
        return body;
    }

    public Answer post(String path, Object body) {
        return postRaw(path, json.writeValueAsString(body));
    }

    public Answer postRaw(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), node, response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
