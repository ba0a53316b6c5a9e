package io.bridgekeeper.decision;

import io.bridgekeeper.security.Roles;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A decision-API caller: one service credential of the platform's data plane, with its scope. */
public record ServiceCredentialPrincipal(long credentialId, String name, String keyPrefix, CredentialScope scope) {

    private static final List<SimpleGrantedAuthority> AUTHORITIES =
            List.of(new SimpleGrantedAuthority("ROLE_" + Roles.DECISION_CLIENT));

    /** The authentication that a request with this credential runs under: role DECISION_CLIENT. */
    public AbstractAuthenticationToken toAuthentication() {
        AbstractAuthenticationToken token = new AbstractAuthenticationToken(AUTHORITIES) {
            @Override
            public Object getCredentials() {
                return "";
            }

            @Override
            public Object getPrincipal() {
                return ServiceCredentialPrincipal.this;
            }
        };
        token.setAuthenticated(true);
        return token;
    }
}
