package io.bridgekeeper.vendor;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.security.Roles;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A partner-API caller: one API key of one vendor. Everything it does is scoped to that vendor. */
public record VendorKeyPrincipal(long keyId, long vendorId, String vendorSlug, String keyPrefix) implements AuditActor {

    @Override
    public Type auditActorType() {
        return Type.VENDOR_KEY;
    }

    @Override
    public String auditActorId() {
        return String.valueOf(keyId);
    }

    @Override
    public String auditActorName() {
        return vendorSlug + " key " + keyPrefix;
    }

    /** The authentication that a request with this key runs under: role VENDOR. */
    public AbstractAuthenticationToken toAuthentication() {
        AbstractAuthenticationToken token = new AbstractAuthenticationToken(
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.VENDOR))) {
            @Override
            public Object getCredentials() {
                return "";
            }

            @Override
            public Object getPrincipal() {
                return VendorKeyPrincipal.this;
            }
        };
        token.setAuthenticated(true);
        return token;
    }
}
