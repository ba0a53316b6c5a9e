package io.bridgekeeper.link;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The test plays a vendor's cloud: an API key created by an admin, and JSON over HTTP. */
public final class PartnerApi {

    private final int port;
    private final String key;

    public PartnerApi(int port, String key) {
        this.port = port;
        this.key = key;
    }

    /** A fresh API key for the vendor, created as the demo admin. */
    public static PartnerApi forVendor(int port, long vendorId, VendorApiKeyService keys, UserDetailsService users) {
        String secret = as(users, DemoAccounts.ADMIN, () -> keys.create(vendorId, "test vendor cloud").secret());
        return new PartnerApi(port, secret);
    }

    /** Runs {@code work} as the given account, then restores whoever was signed in before. */
    public static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/partner/v1" + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes a link with a household's code. */
    public HttpResponse<String> completeLink(String code, String externalAccountId) {
        return post("/links", "{\"code\":\"" + code + "\",\"externalAccountId\":\"" + externalAccountId + "\"}");
    }

    /** Replaces an account's devices; each device as {@code id:KIND:name}. */
    public HttpResponse<String> syncDevices(String externalAccountId, String... devices) {
        StringBuilder json = new StringBuilder("{\"devices\":[");
        for (int i = 0; i < devices.length; i++) {
            String[] parts = devices[i].split(":", 3);
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(parts[0]).append("\",\"kind\":\"")
                    .append(parts[1]).append("\",\"name\":\"").append(parts[2]).append("\"}");
        }
        return put("/accounts/" + externalAccountId + "/devices", json.append("]}").toString());
    }
}
