package io.bridgekeeper.security;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.PortalUser;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a portal session: the account's id travels with it so services need no lookup. */
public record SignedInAccount(long id, String email, String displayName, Set<Role> roles, String passwordHash)
        implements UserDetails, AuditActor, PortalUser {

    @Override
    public String roleLabel() {
        return primaryRole().label();
    }

    @Override
    public String roleKey() {
        return "enum.Role." + primaryRole().name();
    }

    @Override
    public Type auditActorType() {
        return Type.ACCOUNT;
    }

    @Override
    public String auditActorId() {
        return String.valueOf(id);
    }

    @Override
    public String auditActorName() {
        return email;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role shown in the header: the most powerful one held. */
    public Role primaryRole() {
        return roles.contains(Role.ADMIN) ? Role.ADMIN
                : roles.contains(Role.PARTNER_MANAGER) ? Role.PARTNER_MANAGER : Role.END_USER;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String toString() {
        // never print the hash
        return "SignedInAccount[id=" + id + ", email=" + email + ", roles=" + List.copyOf(roles) + "]";
    }
}
