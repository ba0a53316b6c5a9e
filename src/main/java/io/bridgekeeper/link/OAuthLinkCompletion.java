package io.bridgekeeper.link;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.secrets.SecretSealer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * Where Spring Security's OAuth 2.0 client hands over the tokens after a successful code exchange: here
 * they become the household's link. Bridgekeeper asks the vendor's device endpoint which account the
 * tokens are for and what devices it has, then {@link OAuthLinkService#complete} writes the link, the
 * sealed tokens and the devices in one transaction. Whatever happens, the outcome waits in the session
 * ({@link OAuthNotice}) for My home; tokens that did not become a link are revoked at the vendor at once.
 * Nothing is kept in the session or anywhere else in clear.
 */
@Component
class OAuthLinkCompletion implements OAuth2AuthorizedClientRepository {

    private static final Logger log = LoggerFactory.getLogger(OAuthLinkCompletion.class);

    private final OAuthLinkService service;
    private final OAuthStore store;
    private final OAuthHttp http;
    private final SecretSealer sealer;

    OAuthLinkCompletion(OAuthLinkService service, OAuthStore store, OAuthHttp http, SecretSealer sealer) {
        this.service = service;
        this.store = store;
        this.http = http;
        this.sealer = sealer;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                     HttpServletResponse response) {
        String slug = client.getClientRegistration().getRegistrationId();
        String vendorName = client.getClientRegistration().getClientName();
        OAuthTokens tokens = new OAuthTokens(client.getAccessToken().getTokenValue(),
                client.getAccessToken().getExpiresAt(),
                client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue(),
                List.copyOf(client.getAccessToken().getScopes()));
        OAuthNotice notice;
        try {
            VendorDevices listed = http.devices(store.serverBySlug(slug).orElseThrow().devicesUri(), tokens.accessToken());
            notice = service.complete(slug, tokens, listed);
        } catch (OAuthHttp.Failure f) {
            notice = failed(vendorName, new Refusal("refusal.oauth.devices-failed", vendorName, f.answer()), slug, tokens);
        } catch (DomainException refused) {
            notice = failed(vendorName, refused.refusal() != null ? refused.refusal()
                    : new Refusal("refusal.oauth.devices-refused", vendorName, refused.getMessage()), slug, tokens);
        } catch (RuntimeException e) {
            log.error("Completing an OAuth link to {} failed", slug, e);
            notice = failed(vendorName, new Refusal("refusal.oauth.failed", vendorName), slug, tokens);
        }
        request.getSession().setAttribute(OAuthNotice.SESSION_ATTRIBUTE, notice);
    }

    /** Nothing was linked: the tokens the vendor issued for it are revoked at once (best effort) and forgotten. */
    private OAuthNotice failed(String vendorName, Refusal why, String slug, OAuthTokens tokens) {
        store.serverBySlug(slug).filter(s -> s.revocationUri() != null).ifPresent(s -> {
            String secret = sealer.unsealText(s.sealedSecret());
            try {
                http.revokeTokens(s.revocationUri(), s.clientId(), secret, tokens.refreshToken(), tokens.accessToken());
            } catch (OAuthHttp.Failure f) {
                log.warn("Revoking the unused tokens of a failed link to {} failed: {}", slug, f.answer());
            }
        });
        return new OAuthNotice(false, vendorName, 0, why);
    }

    /** The platform keeps no authorized client here: the link's tokens live sealed in the database. */
    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                     HttpServletRequest request) {
        return null;
    }

    @Override
    public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                       HttpServletResponse response) {
        // nothing is kept here
    }
}
