package io.bridgekeeper.decision.api;

import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.decision.ServiceCredentialService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
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

    @Bean
    @Order(2)
    SecurityFilterChain decisionApi(HttpSecurity http, ServiceCredentialService credentials, JsonMapper json,
                                    ObjectProvider<SecurityContextHolderStrategy> holder) throws Exception {
        SecurityContextHolderStrategy strategy = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        return http.securityMatcher(PATH)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CredentialFilter(credentials, strategy), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("DECISION_CLIENT"))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "Send a valid service credential as 'Authorization: Bearer bkd_...'."))
                        .accessDeniedHandler((request, response, ex) ->
                                write(response, json, HttpStatus.FORBIDDEN, "forbidden",
                                        "Only a service credential may call the decision API.")))
                .build();
    }

    private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
                              String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(status, type, detail));
    }

    static final class CredentialFilter extends OncePerRequestFilter {
        private final ServiceCredentialService credentials;
        private final SecurityContextHolderStrategy holder;

        CredentialFilter(ServiceCredentialService credentials, SecurityContextHolderStrategy holder) {
            this.credentials = credentials;
            this.holder = holder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")) {
                credentials.authenticate(header.substring(7).trim()).ifPresent(principal ->
                        holder.getContext().setAuthentication(principal.toAuthentication()));
            }
            chain.doFilter(request, response);
        }
    }
}
