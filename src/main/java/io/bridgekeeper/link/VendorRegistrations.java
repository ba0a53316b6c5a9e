package io.bridgekeeper.link;

import io.bridgekeeper.secrets.SecretSealer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * Spring Security's OAuth 2.0 client registrations, one per active vendor that links by OAuth, read
 * from {@code vendor_oauth} when asked (a partner manager's change applies to the next link at once).
 * The registration id is the vendor's slug; the redirect URI is exact:
 * {@code <portal>/oauth2/callback/<slug>}.
 */
@Component
class VendorRegistrations implements ClientRegistrationRepository {

    /** Where a household's browser starts linking: {@code /oauth2/link/<vendor slug>}. */
    static final String START_PATH = "/oauth2/link";
    static final String CALLBACK_PATH = "/oauth2/callback";

    private final OAuthStore store;
    private final SecretSealer sealer;
    private final String redirectBase;

    VendorRegistrations(OAuthStore store, SecretSealer sealer,
                        @Value("${bridgekeeper.oauth.redirect-base-url:{baseUrl}}") String redirectBase) {
        this.store = store;
        this.sealer = sealer;
        this.redirectBase = redirectBase.endsWith("/") ? redirectBase.substring(0, redirectBase.length() - 1)
                : redirectBase;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (registrationId == null || !registrationId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            return null;
        }
        return store.serverBySlug(registrationId)
                .filter(s -> s.enabled() && s.vendorActive())
                .map(this::registration)
                .orElse(null);
    }

    ClientRegistration registration(OAuthStore.Server s) {
        return ClientRegistration.withRegistrationId(s.vendorSlug())
                .clientName(s.vendorName())
                .clientId(s.clientId())
                .clientSecret(sealer.unsealText(s.sealedSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectBase + CALLBACK_PATH + "/{registrationId}")
                .scope(s.scopes())
                .authorizationUri(s.authorizationUri())
                .tokenUri(s.tokenUri())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(s.pkce()).build())
                .build();
    }
}
