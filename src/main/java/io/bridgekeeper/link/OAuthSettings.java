package io.bridgekeeper.link;

import java.time.Instant;
import java.util.List;

/**
 * A vendor's authorization server as its partner manager registered it. The client secret is never
 * read back: {@code secretSet} only says one is stored (sealed).
 */
public record OAuthSettings(long vendorId, boolean enabled, String authorizationUri, String tokenUri,
                            String revocationUri, String devicesUri, String clientId, List<String> scopes, boolean pkce,
                            boolean secretSet, Instant updatedAt) {
}
