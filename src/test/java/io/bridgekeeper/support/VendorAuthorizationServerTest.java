package io.bridgekeeper.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's authorization server speaks real OAuth 2.0: a client driven by hand through the browser's
 * redirects (login form, consent page), PKCE, the token endpoint, the device API, refresh and revocation.
 */
class VendorAuthorizationServerTest {

    private static final String CLIENT_ID = "bridgekeeper";
    private static final String CLIENT_SECRET = "s3cret: with/odd+chars";
    private static final String REDIRECT_URI = "http://localhost:1/vendors/link/callback";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static SecurityContextHolderStrategy strategyBeforeStart;
    private static VendorAuthorizationServer vendor;

    @BeforeAll
    static void startVendor() {
        strategyBeforeStart = SecurityContextHolder.getContextHolderStrategy();
        vendor = VendorAuthorizationServer.start(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI));
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            vendor.addUser(user, user + "-pw");
        }
        vendor.setDevices("alice", List.of(
                Map.of("id", "cam-1", "kind", "CAMERA", "name", "Porch camera", "model", "LC-CAM-2"),
                Map.of("id", "lock-1", "kind", "LOCK", "name", "Front door", "model", "LC-LOCK-1")));
    }

    @AfterAll
    static void stopVendor() {
        if (vendor != null) {
            vendor.close();
        }
        assertThat(SecurityContextHolder.getContextHolderStrategy()).isSameAs(strategyBeforeStart);
    }

    @Test
    void startsOnLocalhostWithItsOwnSessionCookieAndKeepsTheCallersSecurityStrategy() throws Exception {
        assertThat(SecurityContextHolder.getContextHolderStrategy()).isSameAs(strategyBeforeStart);
        assertThat(vendor.issuer()).isEqualTo("http://localhost:" + vendor.port());
        assertThat(vendor.tokenUri()).isEqualTo(vendor.issuer() + "/oauth2/token");

        Browser browser = new Browser();
        HttpResponse<String> authorize = browser.get(new Authorization().uri());
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location")).hasValue(vendor.issuer() + "/login");
        assertThat(authorize.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("VENDORSESSION="))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));

        // the authorization server's metadata names the endpoints the client is told about
        JsonNode metadata = JSON.readTree(browser.get(vendor.issuer() + "/.well-known/oauth-authorization-server").body());
        assertThat(metadata.path("issuer").asString()).isEqualTo(vendor.issuer());
        assertThat(metadata.path("authorization_endpoint").asString()).isEqualTo(vendor.authorizationUri());
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(vendor.tokenUri());
        assertThat(metadata.path("revocation_endpoint").asString()).isEqualTo(vendor.revocationUri());
    }

    @Test
    void linksAnAccountReadsItsDevicesRefreshesAndRevokes() throws Exception {
        int tokenRequestsBefore = vendor.tokenRequests();
        int revocationsBefore = vendor.revocationRequests();
        int deviceCallsBefore = vendor.deviceCalls();
        Authorization authorization = new Authorization();
        Browser browser = new Browser();

        URI callback = browser.authorize(authorization, "alice", "alice-pw", true);
        Map<String, String> query = query(callback);
        assertThat(callback.toString()).startsWith(REDIRECT_URI + "?");
        assertThat(query).containsEntry("state", authorization.state).containsKey("code");

        Tokens tokens = Tokens.of(exchange(query.get("code"), authorization.verifier));
        assertThat(tokens.response.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.response.path("scope").asString().split(" "))
                .containsExactlyInAnyOrder("devices.read", "offline_access");
        assertThat(tokens.response.path("expires_in").asLong()).isBetween(298L, 300L);
        assertThat(tokens.access).doesNotContain(".");    // opaque, not a JWT
        assertThat(vendor.isAccessTokenActive(tokens.access)).isTrue();
        assertThat(vendor.isRefreshTokenActive(tokens.refresh)).isTrue();

        HttpResponse<String> devices = devices(tokens.access);
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(devices.body());
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("account").asString()).isEqualTo("alice");
        assertThat(body.path("devices")).hasSize(2);
        assertThat(body.path("devices").get(0).path("id").asString()).isEqualTo("cam-1");
        assertThat(body.path("devices").get(0).path("model").asString()).isEqualTo("LC-CAM-2");
        assertThat(body.path("devices").get(1).path("kind").asString()).isEqualTo("LOCK");

        // refresh: a new pair; the refresh token presented and the old access token are spent
        Tokens refreshed = Tokens.of(refresh(tokens.refresh));
        assertThat(refreshed.refresh).isNotEqualTo(tokens.refresh);
        assertThat(vendor.isRefreshTokenActive(tokens.refresh)).isFalse();
        assertThat(devices(tokens.access).statusCode()).isEqualTo(401);
        assertThat(devices(refreshed.access).statusCode()).isEqualTo(200);

        // RFC 7009: revoking the refresh token also ends the access token issued with it
        HttpResponse<String> revoke = post(vendor.revocationUri(),
                Map.of("token", refreshed.refresh, "token_type_hint", "refresh_token"));
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(vendor.isRefreshTokenActive(refreshed.refresh)).isFalse();
        assertThat(vendor.isAccessTokenActive(refreshed.access)).isFalse();
        assertInvalidGrant(refresh(refreshed.refresh));
        HttpResponse<String> afterRevocation = devices(refreshed.access);
        assertThat(afterRevocation.statusCode()).isEqualTo(401);
        assertThat(afterRevocation.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

        assertThat(vendor.tokenRequests() - tokenRequestsBefore).isEqualTo(3);
        assertThat(vendor.revocationRequests() - revocationsBefore).isEqualTo(1);
        assertThat(vendor.deviceCalls() - deviceCallsBefore).isEqualTo(4);
    }

    @Test
    void deniedConsentRedirectsWithAccessDenied() throws Exception {
        Authorization authorization = new Authorization();
        URI callback = new Browser().authorize(authorization, "bob", "bob-pw", false);
        assertThat(callback.toString()).startsWith(REDIRECT_URI + "?");
        assertThat(query(callback)).containsEntry("error", "access_denied")
                .containsEntry("state", authorization.state).doesNotContainKey("code");
    }

    @Test
    void aCodeIsSingleUseAndNeedsItsVerifier() throws Exception {
        Browser browser = new Browser();
        Authorization first = new Authorization();
        String code = query(browser.authorize(first, "carol", "carol-pw", true)).get("code");
        // a wrong verifier is refused, and so is the code itself once it has been exchanged
        assertInvalidGrant(exchange(code, new Authorization().verifier));
        Tokens tokens = Tokens.of(exchange(code, first.verifier));
        assertInvalidGrant(exchange(code, first.verifier));
        // ... and its replay revokes what it gave (RFC 6749 4.1.2)
        assertThat(vendor.isAccessTokenActive(tokens.access)).isFalse();

        // consent is remembered: the same browser authorizes again without the consent page
        Authorization second = new Authorization();
        HttpResponse<String> again = browser.get(second.uri());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(query(URI.create(again.headers().firstValue("Location").orElseThrow())))
                .containsEntry("state", second.state).containsKey("code");
    }

    @Test
    void revokeAllForEndsTheUsersGrantsAndForgetsTheConsent() throws Exception {
        Browser browser = new Browser();
        Authorization authorization = new Authorization();
        Tokens tokens = Tokens.of(exchange(
                query(browser.authorize(authorization, "dave", "dave-pw", true)).get("code"), authorization.verifier));
        assertThat(devices(tokens.access).statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(devices(tokens.access).body());
        assertThat(body.path("account").asString()).isEqualTo("dave");
        assertThat(body.path("devices")).isEmpty();

        vendor.revokeAllFor("dave");

        assertThat(vendor.isRefreshTokenActive(tokens.refresh)).isFalse();
        assertInvalidGrant(refresh(tokens.refresh));
        assertThat(devices(tokens.access).statusCode()).isEqualTo(401);
        // the next authorization asks for consent again
        HttpResponse<String> again = browser.get(new Authorization().uri());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Consent required");
    }

    @Test
    void theDeviceApiRefusesBadTokensAndFailsOnRequest() throws Exception {
        HttpResponse<String> noToken = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(vendor.devicesUri())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        HttpResponse<String> unknown = devices("not-a-token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

        Authorization authorization = new Authorization();
        Tokens tokens = Tokens.of(exchange(
                query(new Browser().authorize(authorization, "erin", "erin-pw", true)).get("code"), authorization.verifier));
        int before = vendor.deviceCalls();
        vendor.failDevices(503);
        try {
            assertThat(devices(tokens.access).statusCode()).isEqualTo(503);
        } finally {
            vendor.failDevices(0);
        }
        assertThat(devices(tokens.access).statusCode()).isEqualTo(200);
        assertThat(vendor.deviceCalls() - before).isEqualTo(2);
        // client_secret_post works too, and a wrong secret does not
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refresh, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(send(HttpRequest.newBuilder(URI.create(vendor.tokenUri())), form).statusCode()).isEqualTo(200);
        form.put("client_secret", "wrong");
        HttpResponse<String> wrongSecret = send(HttpRequest.newBuilder(URI.create(vendor.tokenUri())), form);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongSecret.body()).path("error").asString()).isEqualTo("invalid_client");

        // a token without devices.read: 403 insufficient_scope (RFC 6750 3.1)
        Authorization offlineOnly = new Authorization("offline_access");
        Tokens withoutDevicesRead = Tokens.of(exchange(
                query(new Browser().authorize(offlineOnly, "erin", "erin-pw", true)).get("code"), offlineOnly.verifier));
        HttpResponse<String> forbidden = devices(withoutDevicesRead.access);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer error=\"insufficient_scope\""));
    }

    // ---- the client's side of the protocol

    /** One authorization request: its scopes, state and PKCE verifier. */
    private static final class Authorization {
        final String scope;
        final String state = random();
        final String verifier = random();

        Authorization() {
            this("devices.read offline_access");
        }

        Authorization(String scope) {
            this.scope = scope;
        }

        String uri() throws NoSuchAlgorithmException {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            return vendor.authorizationUri() + "?" + form(new LinkedHashMap<>(Map.of(
                    "response_type", "code", "client_id", CLIENT_ID, "redirect_uri", REDIRECT_URI,
                    "scope", scope, "state", state,
                    "code_challenge", challenge, "code_challenge_method", "S256")));
        }

        private static String random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /** A browser: its own cookies, redirects followed by hand. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> get(String uri) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String uri, Map<String, ?> fields) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Authorize → login form → authorize again → consent page (if asked) → the redirect URI; returns
         * where the vendor sends the browser back to.
         */
        URI authorize(Authorization authorization, String user, String password, boolean approve) throws Exception {
            HttpResponse<String> toLogin = get(authorization.uri());
            assertThat(toLogin.statusCode()).isEqualTo(302);
            HttpResponse<String> loginPage = get(location(toLogin).toString());
            assertThat(loginPage.statusCode()).isEqualTo(200);
            HttpResponse<String> signedIn = postForm(vendor.issuer() + "/login", Map.of(
                    "username", user, "password", password, "_csrf", inputValue(loginPage.body(), "_csrf")));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            URI back = location(signedIn);
            assertThat(back.getPath()).isEqualTo("/oauth2/authorize");

            HttpResponse<String> consentPage = get(back.toString());
            if (consentPage.statusCode() == 302) {
                return location(consentPage);
            }
            assertThat(consentPage.statusCode()).isEqualTo(200);
            assertThat(consentPage.body()).contains("Consent required");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("client_id", inputValue(consentPage.body(), "client_id"));
            fields.put("state", inputValue(consentPage.body(), "state"));
            if (approve) {
                fields.put("scope", checkboxValues(consentPage.body(), "scope"));
            }
            HttpResponse<String> decided = postForm(vendor.authorizationUri(), fields);
            assertThat(decided.statusCode()).isEqualTo(302);
            return location(decided);
        }

        private static URI location(HttpResponse<?> response) {
            return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        }
    }

    private record Tokens(JsonNode response, String access, String refresh) {
        static Tokens of(HttpResponse<String> tokenResponse) {
            assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(tokenResponse.body());
            return new Tokens(json, json.path("access_token").asString(), json.path("refresh_token").asString());
        }
    }

    private static HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return post(vendor.tokenUri(), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        return post(vendor.tokenUri(), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** A POST of the client, authenticated with client_secret_basic (RFC 6749 2.3.1: form-encoded, then Base64). */
    private static HttpResponse<String> post(String uri, Map<String, String> fields) throws Exception {
        String credentials = encode(CLIENT_ID) + ":" + encode(CLIENT_SECRET);
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))), fields);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> fields) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> devices(String accessToken) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(vendor.devicesUri()))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_grant");
    }

    // ---- forms and pages

    /** Form encoding; a collection value is the field repeated. */
    private static String form(Map<String, ?> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            for (Object one : value instanceof List<?> list ? list : List.of(value)) {
                pairs.add(encode(name) + "=" + encode(one.toString()));
            }
        });
        return String.join("&", pairs);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        return Pattern.compile("&").splitAsStream(uri.getRawQuery() == null ? "" : uri.getRawQuery())
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static List<Map<String, String>> inputs(String html) {
        List<Map<String, String>> inputs = new ArrayList<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = Pattern.compile("([\\w-]+)=\"([^\"]*)\"").matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
            }
            inputs.add(attributes);
        }
        return inputs;
    }

    private static String inputValue(String html, String name) {
        return inputs(html).stream().filter(input -> name.equals(input.get("name")))
                .map(input -> input.get("value")).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + name + " in " + html));
    }

    private static List<String> checkboxValues(String html, String name) {
        List<String> values = inputs(html).stream()
                .filter(input -> "checkbox".equals(input.get("type")) && name.equals(input.get("name")))
                .map(input -> input.get("value")).toList();
        assertThat(values).as("the consent page's %s checkboxes", name).isNotEmpty();
        return values;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
