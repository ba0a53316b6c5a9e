package io.bridgekeeper.link;

import io.bridgekeeper.base.web.SecurityHeaders;
import io.bridgekeeper.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The household's side of linking by OAuth, on Spring Security's OAuth 2.0 client: {@code GET
 * /oauth2/link/<vendor>} sends the browser to the vendor's authorization endpoint (authorization code,
 * PKCE when the vendor asks for it, a {@code state} stored in the household's session), and the vendor
 * sends it back to {@code /oauth2/callback/<vendor>}, the exact redirect URI, where the state must match
 * the session's and the code is exchanged for tokens ({@link OAuthLinkCompletion} takes them). Only a
 * signed-in household may do either; everyone else is sent to sign in or refused.
 */
@Configuration(proxyBeanMethods = false)
class OAuthLinkSecurity {

    /**
     * A vendor that does not link by OAuth (unknown, suspended, switched back to codes) is not an error of the
     * server: no authorization request, and {@link OAuthCallbackController} tells the household in plain words.
     */
    private static OAuth2AuthorizationRequestResolver knownVendorsOnly(OAuth2AuthorizationRequestResolver resolver) {
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return resolver.resolve(request);
                } catch (IllegalArgumentException unknownRegistration) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                try {
                    return resolver.resolve(request, registrationId);
                } catch (IllegalArgumentException unknownRegistration) {
                    return null;
                }
            }
        };
    }

    @Bean
    @Order(5)
    SecurityFilterChain oauthLinking(HttpSecurity http, VendorRegistrations registrations,
                                     OAuthLinkCompletion completion, OAuthHttp outbound,
                                     ObjectProvider<SecurityContextHolderStrategy> holder) throws Exception {
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(outbound.tokenClient());
        return http.securityMatcher("/oauth2/**")
                .headers(SecurityHeaders.standard())
                // the callback ends here and redirects to My home; no earlier request is replayed
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Roles.END_USER))
                .addFilterBefore(new HouseholdsOnly(holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                        OAuth2AuthorizationRequestRedirectFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .oauth2Client(client -> client
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(completion)
                        .authorizationCodeGrant(grant -> grant
                                .authorizationRequestResolver(knownVendorsOnly(new DefaultOAuth2AuthorizationRequestResolver(
                                        registrations, VendorRegistrations.START_PATH)))
                                .accessTokenResponseClient(tokens)))
                .build();
    }
}
