package io.bridgekeeper.support;

import io.bridgekeeper.demo.DemoAccounts;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for the OAuth linking flow over HTTP: one cookie jar for the portal and
 * the vendor's authorization server (different cookie names on the same host), redirects followed by
 * the test, step by step, so it can stop, replay or tamper at any step.
 */
public final class OAuthBrowser {

    public record Page(int status, String location, String body, URI uri) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String portal;

    public OAuthBrowser(int portalPort) {
        this.portal = "http://localhost:" + portalPort;
    }

    /** Signs in to the portal through its login form (with the page's CSRF token). */
    public OAuthBrowser signIn(String email) {
        Page login = get(portal + "/login");
        String csrf = find(login.body(), "<meta name=\"_csrf\" content=\"([^\"]+)\"");
        Page done = post(portal + "/login", Map.of("username", List.of(email), "password", List.of(DemoAccounts.PASSWORD),
                "_csrf", List.of(csrf)));
        if (done.status() != 302 || done.location() == null || done.location().contains("error")) {
            throw new IllegalStateException("portal sign-in failed: " + done.status() + " " + done.location());
        }
        return this;
    }

    /** Starts linking: the portal's answer to {@code /oauth2/link/<slug>} (a redirect to the vendor). */
    public Page startLink(String slug) {
        return get(portal + "/oauth2/link/" + slug);
    }

    /**
     * At the vendor: follows the authorization request through the vendor's sign-in (signing in as
     * {@code user} when asked) to its consent page, and answers it: approving every scope offered, or
     * denying. Returns the vendor's redirect back to the portal (the callback URL with code or error).
     */
    public String authorizeAtVendor(String authorizeUrl, String user, String password, boolean approve) {
        Page page = get(authorizeUrl);
        int hops = 0;
        while (page.status() == 302 && hops++ < 5) {
            String next = page.location();
            if (!next.startsWith("http://localhost:" + page.uri().getPort()) && !next.startsWith("/")) {
                return next; // already back to the portal (consent given before)
            }
            if (next.contains("/login")) {
                Page login = get(resolve(page.uri(), next));
                String csrf = find(login.body(), "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
                page = post(resolve(page.uri(), "/login"), Map.of("username", List.of(user), "password",
                        List.of(password), "_csrf", List.of(csrf)));
            } else {
                page = get(resolve(page.uri(), next));
            }
        }
        if (page.status() != 200) {
            throw new IllegalStateException("no consent page at the vendor: " + page.status() + " " + page.location());
        }
        String body = page.body();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("client_id", List.of(find(body, "name=\"client_id\" value=\"([^\"]+)\"")));
        form.put("state", List.of(find(body, "name=\"state\" value=\"([^\"]+)\"")));
        if (approve) {
            List<String> scopes = new ArrayList<>();
            Matcher m = Pattern.compile("name=\"scope\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"scope\"")
                    .matcher(body);
            while (m.find()) {
                scopes.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            form.put("scope", scopes);
        }
        String csrf = findOrNull(body, "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        if (csrf != null) {
            form.put("_csrf", List.of(csrf));
        }
        Page answer = post(resolve(page.uri(), "/oauth2/authorize"), form);
        if (answer.status() != 302) {
            throw new IllegalStateException("the vendor did not redirect after consent: " + answer.status());
        }
        return answer.location();
    }

    /** Delivers the vendor's redirect to the portal and follows the portal's redirects to My home; returns the hops. */
    public List<Page> returnToPortal(String callbackUrl) {
        List<Page> hops = new ArrayList<>();
        Page page = get(callbackUrl);
        hops.add(page);
        while (page.status() == 302 && hops.size() < 5 && !page.location().endsWith("/home")) {
            page = get(resolve(page.uri(), page.location()));
            hops.add(page);
        }
        return hops;
    }

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    public Page post(String url, Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, values) -> values.forEach(v -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r.uri());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resolve(URI base, String location) {
        return base.resolve(location).toString();
    }

    private static String find(String body, String regex) {
        String value = findOrNull(body, regex);
        if (value == null) {
            throw new IllegalStateException("not found in the page: " + regex);
        }
        return value;
    }

    private static String findOrNull(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }
}
