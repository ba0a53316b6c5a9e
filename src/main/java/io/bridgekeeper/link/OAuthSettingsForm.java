package io.bridgekeeper.link;

/**
 * What a partner manager saves of the vendor's authorization server. {@code clientSecret} is the new
 * secret, or blank to keep the stored one; {@code scopes} are separated by spaces or commas.
 */
public record OAuthSettingsForm(boolean enabled, String authorizationUri, String tokenUri, String revocationUri,
                                String devicesUri, String clientId, String clientSecret, String scopes, boolean pkce) {
}
