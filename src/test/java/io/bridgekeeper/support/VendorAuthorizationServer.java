package io.bridgekeeper.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A smart-home vendor's cloud, as Bridgekeeper meets it when an operator links a vendor account: a real
 * OAuth 2.0 authorization server (Spring Security's, {@code HttpSecurity.oauth2AuthorizationServer}) with a
 * login form and a consent page, and beside it the vendor's device API, {@code GET /devices}, which accepts
 * the access tokens that server issued. Nothing of the protocol is faked: authorization codes, PKCE, client
 * authentication, refresh, revocation (RFC 7009) and the error answers are the authorization server's own.
 *
 * <p>It runs in the test's JVM in a small Spring context of its own, with an embedded Tomcat on a free
 * port of 127.0.0.1 (URLs name {@code localhost}). That context imports only the auto-configurations it
 * needs, by name, since the test class path holds the whole application; it reads none of the
 * application's properties files, and its session cookie is {@code VENDORSESSION}, so a browser on
 * localhost keeps it apart from the portal's {@code JSESSIONID} (cookies ignore ports).
 *
 * <p>One client is registered: {@code client_secret_basic} or {@code client_secret_post}, grant types
 * {@code authorization_code} and {@code refresh_token}, exactly the redirect URIs given, scopes
 * {@value #SCOPE_DEVICES_READ} and {@value #SCOPE_OFFLINE_ACCESS}, PKCE required, consent required (the
 * consent page appears on the first authorization of a user; later ones with no new scope skip it).
 * Access tokens are opaque (reference) tokens, by default valid for {@link #DEFAULT_ACCESS_TOKEN_TTL};
 * refresh tokens live {@link #REFRESH_TOKEN_TTL} and are <em>not</em> reused: every refresh answers a new
 * refresh token and the one presented stops working (as does the previous access token). Authorization
 * codes keep the server's default lifetime (5 minutes) and are single-use: presenting one a second time
 * is {@code invalid_grant} and revokes what it had given.
 *
 * <p>Users sign in with the form at {@code /login}; add them with {@link #addUser}. {@code GET /devices}
 * with {@code Authorization: Bearer <access token>} answers
 * {@code {"version":1,"account":"<username>","devices":[...]}} with what {@link #setDevices} gave; an
 * unknown, revoked or expired token is 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}
 * (no token at all: 401 {@code Bearer realm="vendor"}), a token without {@value #SCOPE_DEVICES_READ} is
 * 403 {@code insufficient_scope} (RFC 6750).
 */
public final class VendorAuthorizationServer implements AutoCloseable {

    public static final String SCOPE_DEVICES_READ = "devices.read";
    public static final String SCOPE_OFFLINE_ACCESS = "offline_access";
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofMinutes(5);
    public static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);
    /** The name of the vendor's session cookie: not {@code JSESSIONID}, which the portal uses on localhost. */
    public static final String SESSION_COOKIE = "VENDORSESSION";

    /** Spring Boot's system property for the application name in log lines. */
    private static final String LOGGED_APPLICATION_NAME =
            org.springframework.boot.logging.LoggingSystemProperty.APPLICATION_NAME.getEnvironmentVariableName();

    private static final List<Class<? extends OAuth2Token>> TOKEN_TYPES =
            List.of(OAuth2RefreshToken.class, OAuth2AccessToken.class, OAuth2AuthorizationCode.class);

    private final VendorState state;
    private final ConfigurableApplicationContext context;
    private final SecurityContextHolderStrategy callersStrategy;
    private final int port;

    private VendorAuthorizationServer(VendorState state, ConfigurableApplicationContext context,
                                      SecurityContextHolderStrategy callersStrategy) {
        this.state = state;
        this.context = context;
        this.callersStrategy = callersStrategy;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A vendor whose access tokens live {@link #DEFAULT_ACCESS_TOKEN_TTL}. */
    public static VendorAuthorizationServer start(String clientId, String clientSecret, List<String> redirectUris) {
        return start(clientId, clientSecret, redirectUris, DEFAULT_ACCESS_TOKEN_TTL);
    }

    /** A vendor whose access tokens live {@code accessTokenTtl}. */
    public static VendorAuthorizationServer start(String clientId, String clientSecret, List<String> redirectUris,
                                                  Duration accessTokenTtl) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw new IllegalArgumentException("at least one redirect URI");
        }
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("accessTokenTtl must be positive: " + accessTokenTtl);
        }
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret("{noop}" + clientSecret)
                .clientName("Bridgekeeper")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(SCOPE_DEVICES_READ)
                .scope(SCOPE_OFFLINE_ACCESS)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                        .accessTokenTimeToLive(accessTokenTtl)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        VendorState state = new VendorState(client);

        // Vaadin's context installs its security-context holder strategy JVM-wide; whatever starting this
        // context does to it, the caller's strategy is put back (see SecondNode)
        SecurityContextHolderStrategy callersStrategy = SecurityContextHolder.getContextHolderStrategy();
        // the logging system names the application in every log line from a JVM-wide system property, which
        // this context would set to its own name for the app's lines too: put the app's back after start
        String loggedName = System.getProperty(LOGGED_APPLICATION_NAME);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(VendorConfiguration.class)
                    .web(WebApplicationType.SERVLET)
                    .initializers(ctx -> {
                        ctx.getBeanFactory().registerSingleton("vendorState", state);
                        // Closing a Spring Boot context cleans up the JVM's logging system (Logback marked
                        // uninitialised, the JUL bridge removed; the next context to start then resets every
                        // logger level) unless it holds a bean of this name: the application's context in the
                        // same JVM keeps logging as it set it up
                        ctx.getBeanFactory().registerSingleton("springBootLoggingLifecycle", new Object());
                    })
                    // arguments, not builder properties: those are defaults that properties files override
                    .run("--spring.config.location=optional:classpath:/vendor-authorization-server-reads-no-files/",
                            "--spring.application.name=vendor-authorization-server",
                            "--spring.main.banner-mode=off",
                            "--spring.main.log-startup-info=false",
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--server.shutdown=immediate",
                            "--server.servlet.session.cookie.name=" + SESSION_COOKIE,
                            "--spring.web.resources.add-mappings=false");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(callersStrategy);
            if (loggedName == null) {
                System.clearProperty(LOGGED_APPLICATION_NAME);
            } else {
                System.setProperty(LOGGED_APPLICATION_NAME, loggedName);
            }
        }
        return new VendorAuthorizationServer(state, context, callersStrategy);
    }

    // ---- users and their devices

    /** Adds a user who can sign in at {@code /login} (or changes the password of one already there). */
    public VendorAuthorizationServer addUser(String username, String password) {
        UserDetails user = User.withUsername(username).password("{noop}" + password).roles("USER").build();
        if (state.users.userExists(username)) {
            state.users.updateUser(user);
        } else {
            state.users.createUser(user);
        }
        return this;
    }

    /** What {@code GET /devices} answers for {@code username}, in this order (none until set). */
    public VendorAuthorizationServer setDevices(String username, List<Map<String, Object>> devices) {
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> device : devices) {
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(device)));
        }
        state.devices.put(username, List.copyOf(copy));
        return this;
    }

    /** From now on {@code GET /devices} answers {@code status} to every call; 0 returns to normal service. */
    public void failDevices(int status) {
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("an error status (4xx, 5xx) or 0: " + status);
        }
        state.failDevicesStatus = status;
    }

    // ---- addresses

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>} */
    public String issuer() {
        return "http://localhost:" + port;
    }

    public String authorizationUri() {
        return issuer() + "/oauth2/authorize";
    }

    public String tokenUri() {
        return issuer() + "/oauth2/token";
    }

    public String revocationUri() {
        return issuer() + "/oauth2/revoke";
    }

    public String devicesUri() {
        return issuer() + "/devices";
    }

    // ---- the server's state, for tests

    /** Calls to {@code GET /devices} so far, answered or failed. */
    public int deviceCalls() {
        return state.deviceCalls.get();
    }

    /** POSTs to the token endpoint so far, whatever their answer. */
    public int tokenRequests() {
        return state.tokenRequests.get();
    }

    /** POSTs to the revocation endpoint so far, whatever their answer. */
    public int revocationRequests() {
        return state.revocationRequests.get();
    }

    /**
     * The vendor withdraws every grant of {@code username}: each token of the user's authorizations is
     * invalidated (a later refresh is {@code invalid_grant}, the access tokens answer 401) and the user's
     * consent is forgotten (the next authorization asks again).
     */
    public void revokeAllFor(String username) {
        for (String id : state.authorizations.idsOf(username)) {
            OAuth2Authorization authorization = state.authorizations.findById(id);
            if (authorization == null) {
                continue;
            }
            OAuth2Authorization.Builder revoked = OAuth2Authorization.from(authorization);
            for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
                OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
                if (token != null) {
                    revoked.invalidate(token.getToken());
                }
            }
            state.authorizations.save(revoked.build());
        }
        OAuth2AuthorizationConsent consent = state.consents.findById(state.client.getId(), username);
        if (consent != null) {
            state.consents.remove(consent);
        }
    }

    /**
     * What the token endpoint answers a client that presents {@code refreshToken} (client_secret_basic): the
     * body, a new token pair while the refresh token is good, {@code invalid_grant} once it is not.
     */
    public String refreshAnswer(String clientId, String clientSecret, String refreshToken) {
        String basic = java.util.Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(clientSecret))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(tokenUri()))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                            + enc(refreshToken))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the server would still accept this refresh token (known, current, not revoked, not expired). */
    public boolean isRefreshTokenActive(String refreshToken) {
        OAuth2Authorization authorization = state.authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN);
        return authorization != null && authorization.getRefreshToken() != null
                && authorization.getRefreshToken().getToken().getTokenValue().equals(refreshToken)
                && authorization.getRefreshToken().isActive();
    }

    /** Whether {@code GET /devices} would accept this access token (known, current, not revoked, not expired). */
    public boolean isAccessTokenActive(String accessToken) {
        return state.activeAccessToken(accessToken) != null;
    }

    /** Stops the server and puts back the security-context holder strategy the caller had at start. */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(callersStrategy);
        }
    }

    // ---- inside the vendor's context

    /** What the vendor knows: shared by the test-facing methods above and the beans of its context. */
    static final class VendorState {
        final RegisteredClient client;
        final InMemoryRegisteredClientRepository clients;
        final TrackingAuthorizationService authorizations = new TrackingAuthorizationService();
        final OAuth2AuthorizationConsentService consents = new InMemoryOAuth2AuthorizationConsentService();
        final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        final Map<String, List<Map<String, Object>>> devices = new ConcurrentHashMap<>();
        final AtomicInteger deviceCalls = new AtomicInteger();
        final AtomicInteger tokenRequests = new AtomicInteger();
        final AtomicInteger revocationRequests = new AtomicInteger();
        volatile int failDevicesStatus;

        VendorState(RegisteredClient client) {
            this.client = client;
            this.clients = new InMemoryRegisteredClientRepository(client);
        }

        /** The authorization holding this access token as its current, active one; null otherwise. */
        OAuth2Authorization activeAccessToken(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            OAuth2Authorization authorization = authorizations.findByToken(value, OAuth2TokenType.ACCESS_TOKEN);
            if (authorization == null) {
                return null;
            }
            OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
            return token != null && token.getToken().getTokenValue().equals(value) && token.isActive()
                    ? authorization : null;
        }
    }

    /**
     * The in-memory authorization service, which also remembers which authorizations belong to which user
     * (the in-memory one cannot list them), for {@link #revokeAllFor}.
     */
    static final class TrackingAuthorizationService implements OAuth2AuthorizationService {
        private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
        private final Map<String, Set<String>> idsByPrincipal = new ConcurrentHashMap<>();

        @Override
        public void save(OAuth2Authorization authorization) {
            delegate.save(authorization);
            idsByPrincipal.computeIfAbsent(authorization.getPrincipalName(), k -> ConcurrentHashMap.newKeySet())
                    .add(authorization.getId());
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
            delegate.remove(authorization);
            Set<String> ids = idsByPrincipal.get(authorization.getPrincipalName());
            if (ids != null) {
                ids.remove(authorization.getId());
            }
        }

        @Override
        public OAuth2Authorization findById(String id) {
            return delegate.findById(id);
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            return delegate.findByToken(token, tokenType);
        }

        List<String> idsOf(String principalName) {
            return List.copyOf(idsByPrincipal.getOrDefault(principalName, Set.of()));
        }
    }

    /**
     * The vendor's context: web server, MVC and Spring Security, each auto-configuration named (never
     * {@code @EnableAutoConfiguration}: the class path holds the whole application), the two filter chains of
     * an authorization server with form login, and the device API.
     *
     * <p>Deliberately neither {@code @Configuration} nor any other stereotype here (no {@code @RestController}
     * either): the application's component scan covers this package on the test class path, and would take
     * these beans into the application's own test context.
     */
    @EnableWebSecurity
    @ImportAutoConfiguration({
            TomcatServletWebServerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class VendorConfiguration {

        /** The protocol endpoints; a browser that is not signed in is sent to the login form. */
        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerChain(HttpSecurity http, VendorState state) {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.registeredClientRepository(state.clients)
                                .authorizationService(state.authorizations)
                                .authorizationConsentService(state.consents)
                                // no issuer: each request's own (http://localhost:<port>); the port is random
                                .authorizationServerSettings(AuthorizationServerSettings.builder().build());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        /** Everything else: the login form, and the device API (which checks its bearer token itself). */
        @Bean
        @Order(2)
        SecurityFilterChain loginChain(HttpSecurity http) {
            http.authorizeHttpRequests(requests -> requests
                            .requestMatchers("/devices").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService vendorUsers(VendorState state) {
            return state.users;
        }

        /** Counts the calls to the token and revocation endpoints, before anything can refuse them. */
        @Bean
        FilterRegistrationBean<Filter> endpointCounter(VendorState state) {
            Filter counter = (request, response, chain) -> {
                var http = (HttpServletRequest) request;
                if ("POST".equals(http.getMethod())) {
                    String path = http.getRequestURI().substring(http.getContextPath().length());
                    if (path.equals("/oauth2/token")) {
                        state.tokenRequests.incrementAndGet();
                    } else if (path.equals("/oauth2/revoke")) {
                        state.revocationRequests.incrementAndGet();
                    }
                }
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(counter);
            registration.addUrlPatterns("/oauth2/token", "/oauth2/revoke");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        /** The vendor's device API: the devices of the account the bearer token was issued for. */
        @Bean
        RouterFunction<ServerResponse> devicesEndpoint(VendorState state) {
            return RouterFunctions.route()
                    .GET("/devices", request -> devices(state, request.headers().firstHeader(HttpHeaders.AUTHORIZATION)))
                    .build();
        }

        private static ServerResponse devices(VendorState state, String authorizationHeader) {
            state.deviceCalls.incrementAndGet();
            int failure = state.failDevicesStatus;
            if (failure != 0) {
                ServerResponse.BodyBuilder failed = ServerResponse.status(failure);
                if (failure == HttpStatus.UNAUTHORIZED.value()) {
                    failed.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                }
                return failed.contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("error", "failure injected by the test: " + failure));
            }
            if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vendor\"").build();
            }
            OAuth2Authorization authorization = state.activeAccessToken(authorizationHeader.substring(7).trim());
            if (authorization == null) {
                return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
            }
            if (!authorization.getAccessToken().getToken().getScopes().contains(SCOPE_DEVICES_READ)) {
                return ServerResponse.status(HttpStatus.FORBIDDEN)
                        .header(HttpHeaders.WWW_AUTHENTICATE,
                                "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE_DEVICES_READ + "\"")
                        .build();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", 1);
            body.put("account", authorization.getPrincipalName());
            body.put("devices", state.devices.getOrDefault(authorization.getPrincipalName(), List.of()));
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
    }
}
