package io.bridgekeeper.link;

import io.bridgekeeper.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only a signed-in household starts or finishes a link by OAuth. Spring Security's OAuth filters act
 * before the chain's authorization rules, so this gate stands in front of them: nobody signed in is sent
 * to sign in, a signed-in account without the household role is refused (403), and neither reaches a
 * vendor.
 */
final class HouseholdsOnly extends OncePerRequestFilter {

    private final SecurityContextHolderStrategy holder;

    HouseholdsOnly(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = holder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (who.getAuthorities().stream().noneMatch(a -> ("ROLE_" + Roles.END_USER).equals(a.getAuthority()))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
