package io.bridgekeeper.link;

import java.time.Instant;
import java.util.List;

/**
 * Tokens a vendor's token endpoint issued, in clear only in memory on their way to being sealed.
 * {@link #toString()} never shows them.
 */
public record OAuthTokens(String accessToken, Instant accessExpiresAt, String refreshToken, List<String> scopes) {

    @Override
    public String toString() {
        return "OAuthTokens[expires " + accessExpiresAt + ", refresh " + (refreshToken != null) + ", scopes " + scopes + "]";
    }
}
