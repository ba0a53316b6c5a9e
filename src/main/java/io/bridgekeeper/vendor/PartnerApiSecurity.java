package io.bridgekeeper.vendor;

import io.bridgekeeper.base.web.DatabaseUnavailableFilter;
import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.base.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API ({@code /api/partner/**}) is for vendors' clouds: stateless, authenticated by a
 * vendor API key ({@code Authorization: Bearer bk_...}), never by a portal session. A missing or
 * wrong key gets a 401 problem response.
 */
@Configuration(proxyBeanMethods = false)
class PartnerApiSecurity {

    static final String PATH = "/api/partner/**";

    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(HttpSecurity http, VendorApiKeyService keys, JsonMapper json,
                                   ObjectProvider<SecurityContextHolderStrategy> holder,
                                   @Value("${bridgekeeper.api.retry-after:5s}") Duration retryAfter) throws Exception {
        return http.securityMatcher(PATH)
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // outermost: a database that cannot be reached is a 503 problem, never the portal's /login redirect
                .addFilterBefore(new DatabaseUnavailableFilter(json, retryAfter), DisableEncodeUrlFilter.class)
                .addFilterBefore(new ApiKeyFilter(keys, holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "Send a valid vendor API key as 'Authorization: Bearer bk_...'."))
                        .accessDeniedHandler((request, response, ex) ->
                                write(response, json, HttpStatus.FORBIDDEN, "forbidden", "This key may not do that.")))
                .build();
    }

    private static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
                              String detail) throws IOException {
        ProblemDetail problem = ProblemResponses.problem(status, type, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static final class ApiKeyFilter extends OncePerRequestFilter {
        private final VendorApiKeyService keys;
        private final SecurityContextHolderStrategy holder;

        ApiKeyFilter(VendorApiKeyService keys, SecurityContextHolderStrategy holder) {
            this.keys = keys;
            this.holder = holder;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith("Bearer ")) {
                keys.authenticate(header.substring(7).trim()).ifPresent(principal ->
                        holder.getContext().setAuthentication(principal.toAuthentication()));
            }
            chain.doFilter(request, response);
        }
    }
}
