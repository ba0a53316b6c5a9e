package io.bridgekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RawHttp;
import io.bridgekeeper.support.RawHttp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a browser and a scraper see of the portal's security: headers on every kind of path, the
 * session cookie, sign-in only with a CSRF token, the metrics behind their own credential, and refused,
 * unknown and malformed addresses answered alike.
 */
@IntegrationTest
class PortalHardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    FilterChainProxy springSecurityFilterChain;

    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void every_kind_of_path_carries_the_policy_and_refuses_framing() {
        for (String path : new String[] {"/", "/login", "/api/partner/v1/me", "/api/decision/v1/resolve", "/v3/api-docs/partner",
                "/actuator/prometheus", "/admin"}) {
            Response r = http.send("GET", path, Map.of(), (String) null);
            assertThat(r.header("content-security-policy")).as(path)
                    .contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'");
            assertThat(r.header("x-frame-options")).as(path).isEqualTo("DENY");
            assertThat(r.header("x-content-type-options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() {
        Response login = http.send("GET", "/login", Map.of(), (String) null);
        String cookie = login.header("set-cookie");
        assertThat(cookie).contains("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void strict_transport_security_is_sent_over_https_only() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(springSecurityFilterChain).build();
        String overHttps = mvc.perform(MockMvcRequestBuilders.get("/api/partner/v1/me").secure(true)).andReturn()
                .getResponse().getHeader("Strict-Transport-Security");
        String overHttp = mvc.perform(MockMvcRequestBuilders.get("/api/partner/v1/me").secure(false)).andReturn()
                .getResponse().getHeader("Strict-Transport-Security");
        assertThat(overHttps).contains("max-age=");
        assertThat(overHttp).isNull();
    }

    @Test
    void a_sign_in_post_without_the_csrf_token_does_not_sign_in() {
        Session fresh = openLoginPage();
        Response forged = http.send("POST", "/login", Map.of("Cookie", fresh.cookie,
                "Content-Type", "application/x-www-form-urlencoded"), form(DemoAccounts.ADMIN, DemoAccounts.PASSWORD, null));

        String cookie = cookieFrom(forged, fresh.cookie);
        Response after = http.send("GET", "/admin", Map.of("Cookie", cookie), (String) null);
        assertThat(after.status()).as("still signed out").isEqualTo(302);
        assertThat(after.header("location")).endsWith("/login");

        // the portal's own form sends the token and signs in
        Session admin = signIn(DemoAccounts.ADMIN);
        assertThat(http.send("GET", "/admin", Map.of("Cookie", admin.cookie), (String) null).status()).isEqualTo(200);
    }

    @Test
    void metrics_answer_only_the_scrape_credential() {
        Response anonymous = http.send("GET", "/actuator/prometheus", Map.of(), (String) null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("location")).isNull();

        Response wrong = http.send("GET", "/actuator/prometheus", Map.of("Authorization", basic("prometheus", "guess")), (String) null);
        assertThat(wrong.status()).isEqualTo(401);

        Session admin = signIn(DemoAccounts.ADMIN);
        assertThat(http.send("GET", "/actuator/prometheus", Map.of("Cookie", admin.cookie), (String) null).status())
                .as("a portal session is not the scrape credential").isEqualTo(401);
        assertThat(http.send("GET", "/actuator/metrics", Map.of("Cookie", admin.cookie), (String) null).status()).isEqualTo(401);

        Response scraper = http.send("GET", "/actuator/prometheus",
                Map.of("Authorization", basic("prometheus", IntegrationTest.METRICS_PASSWORD)), (String) null);
        assertThat(scraper.status()).isEqualTo(200);
        assertThat(scraper.body()).contains("http_server_requests");

        assertThat(http.send("GET", "/actuator/health", Map.of(), (String) null).status()).as("probes stay open").isEqualTo(200);
    }

    @Test
    void unknown_and_refused_routes_answer_alike() {
        Session household = signIn(DemoAccounts.HOUSEHOLD);
        Response refused = http.send("GET", "/admin/vendors", Map.of("Cookie", household.cookie), (String) null);
        Response unknown = http.send("GET", "/no-such-page", Map.of("Cookie", household.cookie), (String) null);
        assertThat(unknown.status()).as("not a bare 403 before the router").isEqualTo(refused.status()).isEqualTo(200);

        // what the router then shows for each ("Page not available", also for malformed ids): PortalRoutesE2E
    }

    // --- a browser's sign-in, by hand ---

    record Session(String cookie, String csrf) {
    }

    private Session openLoginPage() {
        Response page = http.send("GET", "/login", Map.of(), (String) null);
        String cookie = cookieFrom(page, null);
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        return new Session(cookie, token.find() ? token.group(1) : null);
    }

    Session signIn(String email) {
        Session page = openLoginPage();
        assertThat(page.csrf).as("the login page carries a CSRF token").isNotNull();
        Response r = http.send("POST", "/login", Map.of("Cookie", page.cookie,
                "Content-Type", "application/x-www-form-urlencoded"), form(email, DemoAccounts.PASSWORD, page.csrf));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("location")).doesNotContain("error");
        return new Session(cookieFrom(r, page.cookie), null);
    }

    private static String form(String user, String password, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user);
        fields.put("password", password);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static String cookieFrom(Response r, String fallback) {
        String set = r.header("set-cookie");
        if (set == null) {
            return fallback;
        }
        for (String line : set.split("\n")) {
            if (line.startsWith("JSESSIONID=")) {
                return line.split(";", 2)[0];
            }
        }
        return fallback;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
