package io.bridgekeeper.base.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAPI descriptions of the machine APIs, one document per API and credential:
 * {@code /v3/api-docs/partner} (vendors' clouds, {@code /api/partner/**}, vendor API key
 * {@code bk_...}) and {@code /v3/api-docs/decision} (platform services, {@code /api/decision/**},
 * service credential {@code bkd_...}). The documents are public: they describe the APIs, they
 * grant nothing, and a vendor's engineers read them before they hold a key.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DOCS = "/v3/api-docs/**";
    static final String VENDOR_API_KEY = "vendorApiKey";
    static final String SERVICE_CREDENTIAL = "serviceCredential";

    @Bean
    GroupedOpenApi partnerApiDocs() {
        return GroupedOpenApi.builder()
                .group("partner")
                .pathsToMatch("/api/partner/**")
                .addOpenApiCustomizer(api -> api
                        .info(new Info().title("Bridgekeeper partner API").version("v1").description(
                                "For vendors' clouds: links, device lists, cache versions, telemetry and webhook "
                                        + "acknowledgements. Every call sends a vendor API key."))
                        .components(components(api.getComponents()).addSecuritySchemes(VENDOR_API_KEY,
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("bk_...")
                                        .description("A vendor API key, created by the vendor's partner manager in the "
                                                + "portal and shown once: 'Authorization: Bearer bk_...'.")))
                        .addSecurityItem(new SecurityRequirement().addList(VENDOR_API_KEY)))
                .build();
    }

    @Bean
    GroupedOpenApi decisionApiDocs() {
        return GroupedOpenApi.builder()
                .group("decision")
                .pathsToMatch("/api/decision/**")
                .addOpenApiCustomizer(api -> api
                        .info(new Info().title("Bridgekeeper decision API").version("v1").description(
                                "For platform services that ask whether a delivery may happen. Every call sends a "
                                        + "service credential."))
                        .components(components(api.getComponents()).addSecuritySchemes(SERVICE_CREDENTIAL,
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("bkd_...")
                                        .description("A service credential issued to a platform service: "
                                                + "'Authorization: Bearer bkd_...'.")))
                        .addSecurityItem(new SecurityRequirement().addList(SERVICE_CREDENTIAL)))
                .build();
    }

    /**
     * The documents are readable without a portal session: a chain of their own, before the portal's
     * catch-all chain (which would redirect to the sign-in page), stateless, GET only.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http, JsonMapper json) throws Exception {
        return http.securityMatcher(DOCS)
                // stateless and cookie-less: there is no session whose request could be forged
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, DOCS).permitAll()
                        .anyRequest().denyAll())
                // answered here, not by the container's error page (which the portal chain would
                // turn into a redirect to the sign-in page)
                .exceptionHandling(e -> {
                    AuthenticationEntryPoint readOnly = (request, response, ex) -> {
                        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
                        response.setHeader(HttpHeaders.ALLOW, "GET");
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        json.writeValue(response.getOutputStream(), ProblemResponses.problem(
                                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "The API documents are read with GET."));
                    };
                    e.authenticationEntryPoint(readOnly)
                            .accessDeniedHandler((request, response, ex) -> readOnly.commence(request, response, null));
                })
                .build();
    }

    private static Components components(Components existing) {
        return existing != null ? existing : new Components();
    }
}
