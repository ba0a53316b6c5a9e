package io.bridgekeeper.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: the signed-in account of this request or UI session. */
@Component
public class CurrentUser {

    public Optional<SignedInAccount> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
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
}
