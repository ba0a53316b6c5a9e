package io.bridgekeeper.decision.api;

import io.bridgekeeper.base.web.DatabaseUnavailableFilter;
import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.base.web.SecurityHeaders;
import io.bridgekeeper.decision.ServiceCredentialPrincipal;
import io.bridgekeeper.decision.ServiceCredentialService;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision API ({@code /api/decision/**}) is for the platform's data plane: stateless,
 * authenticated by a service credential ({@code Authorization: Bearer bkd_...}), never by a portal
 * session or a vendor key. A missing or wrong credential gets a 401 problem response.
 */
@Configuration(proxyBeanMethods = false)
class DecisionApiSecurity {

    static final String PATH = "/api/decision/**";
    private static final String PREFIX = "/api/decision/";

    @Bean
    @Order(2)
    SecurityFilterChain decisionApi(HttpSecurity http, ServiceCredentialService credentials, JsonMapper json,
                                    ObjectProvider<SecurityContextHolderStrategy> holder,
                                    @Value("${bridgekeeper.api.retry-after:5s}") Duration retryAfter) throws Exception {
        SecurityContextHolderStrategy strategy = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        return http.securityMatcher(PATH)
                // stateless and lean: this chain runs for every image and stream the platform shows, so it
                // holds only what a bearer credential needs (no session, logout, anonymous user, request
                // cache or servlet-API wrapper; security headers stay)
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                // outermost: a database that cannot be reached is a 503 problem, never the portal's /login redirect
                .addFilterBefore(new DatabaseUnavailableFilter(json, retryAfter), DisableEncodeUrlFilter.class)
                .addFilterBefore(new CredentialFilter(credentials, strategy, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("DECISION_CLIENT"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "Send a valid service credential as 'Authorization: Bearer bkd_...'."))
                        .accessDeniedHandler((request, response, ex) ->
                                write(response, json, HttpStatus.FORBIDDEN, "forbidden",
                                        "Only a service credential may call the decision API.")))
                .build();
    }

    /**
     * No Spring Security observations ({@code spring.security.*}) for the decision API's requests. Spring
     * Security observes every filter of the chain and every authorization, and on this API that was a
     * quarter of a request's CPU in the HTTP benchmark's profile (DecisionHttpBenchmark), most of it
     * Micrometer building tags and long-task timers. The data plane's requests are still measured by
     * {@code http.server.requests} and {@code bridgekeeper.decisions}; portal requests keep every observation.
     */
    @Bean
    ObservationPredicate decisionApiWithoutSecurityObservations() {
        return (name, context) -> !name.startsWith("spring.security.") || !onDecisionApi();
    }

    /** The request this thread serves, when there is one (RequestContextFilter runs before Spring Security). */
    private static boolean onDecisionApi() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().startsWith(PREFIX, request.getContextPath().length());
        }
        return false;
    }

    private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
                              String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(status, type, detail));
    }

    /**
     * Authenticates the bearer credential and takes the request from its rate limit: over it, a 429 problem
     * with Retry-After, before anything is read or decided.
     */
    static final class CredentialFilter extends OncePerRequestFilter {
        private final ServiceCredentialService credentials;
        private final SecurityContextHolderStrategy holder;
        private final JsonMapper json;

        CredentialFilter(ServiceCredentialService credentials, SecurityContextHolderStrategy holder, JsonMapper json) {
            this.credentials = credentials;
            this.holder = holder;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")) {
                ServiceCredentialPrincipal principal = credentials.authenticate(header.substring(7).trim()).orElse(null);
                if (principal != null) {
                    long retryAfter = credentials.admit(principal);
                    if (retryAfter > 0) {
                        response.setHeader("Retry-After", String.valueOf(retryAfter));
                        write(response, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "This credential is over "
                                + "its rate of " + principal.scope().ratePerSecond() + " requests per second; retry after "
                                + retryAfter + " s.");
                        return;
                    }
                    holder.getContext().setAuthentication(principal.toAuthentication());
                }
            }
            chain.doFilter(request, response);
        }
    }
}
