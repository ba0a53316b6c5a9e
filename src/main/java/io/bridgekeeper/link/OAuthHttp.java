package io.bridgekeeper.link;

import io.bridgekeeper.device.DeviceItem;
import io.bridgekeeper.vendor.OutboundFailures;
import io.bridgekeeper.vendor.WebhookTargets;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request Bridgekeeper makes to a vendor's authorization server and device endpoint, under the
 * outbound-request rules of webhooks ({@link WebhookTargets}): the URL is checked before each request,
 * and the client's DNS resolver hands out only addresses that pass the same check at connect time (no
 * second DNS answer can swap in an internal address). No redirects, bounded connect and read time, and a
 * capped answer. What a vendor answers is never logged or stored, only its class ("HTTP 4xx", "timeout").
 */
@Component
class OAuthHttp implements DisposableBean {

    /** The most of a device list read from a vendor. */
    static final int DEVICES_CAP = 1024 * 1024;

    /** A request that did not get a usable answer, in words that tell nothing about the target. */
    static final class Failure extends IOException {
        private final String answer;
        private final int status;

        Failure(String answer, int status) {
            super(answer);
            this.answer = answer;
            this.status = status;
        }

        String answer() {
            return answer;
        }

        /** The HTTP status when the vendor answered, else 0. */
        int status() {
            return status;
        }
    }

    private final WebhookTargets targets;
    private final JsonMapper json;
    private final CloseableHttpClient client;
    private final RestClient rest;
    private final RestClient tokenRest;

    OAuthHttp(WebhookTargets targets, JsonMapper json,
              @Value("${bridgekeeper.oauth.connect-timeout:PT2S}") Duration connectTimeout,
              @Value("${bridgekeeper.oauth.request-timeout:PT5S}") Duration requestTimeout) {
        this.targets = targets;
        this.json = json;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(targets))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout))
                                .build())
                        .setMaxConnTotal(50).setMaxConnPerRoute(10)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        this.rest = RestClient.builder().requestFactory(factory).build();
        // what Spring Security's token clients use by default, on this checked client
        this.tokenRest = RestClient.builder().requestFactory(factory)
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** The RestClient for Spring Security's token requests (code exchange, refresh). */
    RestClient tokenClient() {
        return tokenRest;
    }

    /** The outbound rules' sentence for this URL, or null when it may be used (an unresolvable host is accepted). */
    String problem(String url) {
        return targets.problem(url, true);
    }

    /** The account and devices the vendor lists for the token (the contract in docs/oauth-linking.md). */
    VendorDevices devices(String devicesUri, String accessToken) throws Failure {
        check(devicesUri);
        try {
            return rest.get().uri(URI.create(devicesUri))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status != 200) {
                            throw new Failure("HTTP " + status / 100 + "xx", status);
                        }
                        byte[] body = capped(response.getBody(), DEVICES_CAP);
                        return parseDevices(body);
                    }, true);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof Failure f) {
                throw f;
            }
            throw new Failure(classify(e), 0);
        }
    }

    /**
     * Revokes one token (RFC 7009) with the client's credentials; returns the answer's class. An RFC 7009
     * server answers 200 for a token it revoked and for one it does not know (already gone).
     */
    String revoke(String revocationUri, String clientId, String clientSecret, String token, String hint) throws Failure {
        check(revocationUri);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        form.add("token_type_hint", hint);
        return postForm(revocationUri, clientId, clientSecret, form, 200);
    }

    /**
     * Revokes a grant's tokens at the vendor: the refresh token first (revoking it ends the grant, RFC 7009
     * 2.1), then the access token; either may be null. Returns the last answer's class.
     */
    String revokeTokens(String revocationUri, String clientId, String clientSecret, String refreshToken,
                        String accessToken) throws Failure {
        String answer = "";
        if (refreshToken != null) {
            answer = revoke(revocationUri, clientId, clientSecret, refreshToken, "refresh_token");
        }
        if (accessToken != null) {
            answer = revoke(revocationUri, clientId, clientSecret, accessToken, "access_token");
        }
        return answer;
    }

    /** An answer's class after a probe of an endpoint, and whether it answered like an OAuth endpoint. */
    record Probe(boolean ok, String answer) {
    }

    /**
     * Test connection: the token endpoint must refuse a made-up refresh token as invalid_grant with these
     * client credentials (a 401 means the credentials are wrong); the revocation endpoint must answer 200
     * for a made-up token; the device endpoint must refuse a request without a token (401); the
     * authorization endpoint must answer at all (not 5xx).
     */
    Probe probe(String endpoint, String url, String clientId, String clientSecret) {
        if (url == null || url.isBlank()) {
            return new Probe(true, "not set");
        }
        try {
            check(url);
            return switch (endpoint) {
                case "token" -> {
                    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                    form.add("grant_type", "refresh_token");
                    form.add("refresh_token", "bridgekeeper-connection-test");
                    try {
                        postForm(url, clientId, clientSecret, form, 400);
                        yield new Probe(true, "HTTP 4xx (invalid_grant: the client credentials were accepted)");
                    } catch (Failure f) {
                        yield new Probe(false, f.status() == 401 ? "HTTP 401: the client id or secret was refused"
                                : f.answer());
                    }
                }
                case "revocation" -> new Probe(true, revoke(url, clientId, clientSecret, "bridgekeeper-connection-test",
                        "refresh_token"));
                case "devices" -> {
                    int status = status(url);
                    yield new Probe(status == 401, "HTTP " + status + (status == 401 ? " (asks for a token)" : ""));
                }
                default -> {
                    int status = status(url);
                    yield new Probe(status < 500, "HTTP " + status / 100 + "xx");
                }
            };
        } catch (Failure f) {
            return new Probe(false, f.answer());
        }
    }

    private int status(String url) throws Failure {
        try {
            return rest.get().uri(URI.create(url)).exchange((request, response) -> {
                capped(response.getBody(), 4096);
                return response.getStatusCode().value();
            }, true);
        } catch (RuntimeException e) {
            throw new Failure(classify(e), 0);
        }
    }

    private String postForm(String url, String clientId, String clientSecret, MultiValueMap<String, String> form,
                            int expected) throws Failure {
        String basic = Base64.getEncoder().encodeToString((urlEncode(clientId) + ":" + urlEncode(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        int status;
        try {
            status = rest.post().uri(URI.create(url))
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        capped(response.getBody(), 4096);
                        return response.getStatusCode().value();
                    }, true);
        } catch (RuntimeException e) {
            throw new Failure(classify(e), 0);
        }
        if (status != expected) {
            throw new Failure("HTTP " + status / 100 + "xx", status);
        }
        return "HTTP " + status / 100 + "xx";
    }

    /** client_secret_basic encodes id and secret with application/x-www-form-urlencoded first (RFC 6749 2.3.1). */
    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void check(String url) throws Failure {
        try {
            targets.check(url);
        } catch (WebhookTargets.Refused refused) {
            throw new Failure(switch (refused.problem()) {
                case INVALID -> "invalid URL";
                case UNRESOLVABLE -> "unresolvable host";
                case FORBIDDEN -> "forbidden address";
            }, 0);
        }
    }

    private VendorDevices parseDevices(byte[] body) throws Failure {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            throw new Failure("not JSON", 200);
        }
        JsonNode account = root.get("account");
        JsonNode devices = root.get("devices");
        if (account == null || !account.isString() || account.asString().isBlank() || devices == null
                || !devices.isArray()) {
            throw new Failure("not the device list contract (account, devices)", 200);
        }
        List<DeviceItem> items = new ArrayList<>();
        for (JsonNode d : devices) {
            items.add(new DeviceItem(text(d, "id"), text(d, "kind"), text(d, "name"), text(d, "model")));
        }
        return new VendorDevices(account.asString().strip(), items);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }

    private static byte[] capped(InputStream in, int cap) throws IOException {
        byte[] read = in.readNBytes(cap + 1);
        if (read.length > cap) {
            throw new IOException("answer larger than " + cap + " bytes");
        }
        return read;
    }

    /** The class of a failed request, in words that tell nothing about what the target is. */
    static String classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Failure f) {
                return f.answer();
            }
            if (t instanceof UnknownHostException u && u.getMessage() != null && u.getMessage().contains("forbidden")) {
                return "forbidden address";
            }
            if (t instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("answer larger")) {
                return "answer too large";
            }
        }
        return OutboundFailures.classify(e);
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }

    /**
     * Resolves a host only to addresses the outbound rules allow, at connect time: https to public
     * addresses, and plain http to this machine only under the development setting.
     */
    private record CheckedResolver(WebhookTargets targets) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            try {
                return targets.check("https://" + h + "/").addresses().toArray(InetAddress[]::new);
            } catch (WebhookTargets.Refused https) {
                if (https.problem() == WebhookTargets.Problem.FORBIDDEN && targets.allowsHttpLoopback()) {
                    try {
                        return targets.check("http://" + h + "/").addresses().toArray(InetAddress[]::new);
                    } catch (WebhookTargets.Refused ignored) {
                        // fall through: refused as forbidden
                    }
                }
                throw new UnknownHostException(host + ": forbidden or unresolvable for outbound requests");
            }
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
