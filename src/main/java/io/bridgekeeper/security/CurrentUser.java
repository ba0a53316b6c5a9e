package io.bridgekeeper.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is calling: the signed-in account of this request or UI session. */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy holder;

    /** The application's holder strategy (Vaadin's, in the portal), not a JVM-wide static one. */
    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<SignedInAccount> get() {
        Authentication auth = holder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInAccount account) {
            return Optional.of(account);
        }
        return Optional.empty();
    }

    public SignedInAccount require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public long id() {
        return require().id();
    }

    public boolean isAdmin() {
        return get().map(a -> a.has(Role.ADMIN)).orElse(false);
    }

    /** An admin or a partner manager: platform staff, not a household. */
    public boolean isStaff() {
        return get().map(a -> a.has(Role.ADMIN) || a.has(Role.PARTNER_MANAGER)).orElse(false);
    }
}
