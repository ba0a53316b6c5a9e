package io.bridgekeeper.support;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Runs a piece of a test as a given account, through the real account lookup and method security. */
@Component
public class RunAs {

    private final UserDetailsService users;
    private final SecurityContextHolderStrategy holder;

    RunAs(UserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.users = users;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public <T> T as(String email, Supplier<T> action) {
        var previous = holder.getContext().getAuthentication();
        UserDetails user = users.loadUserByUsername(email);
        holder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            holder.getContext().setAuthentication(previous);
        }
    }

    public void as(String email, Runnable action) {
        as(email, () -> {
            action.run();
            return null;
        });
    }
}
