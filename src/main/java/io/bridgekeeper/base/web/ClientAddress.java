package io.bridgekeeper.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address of the client whose request is being handled, for the audit log. Portal clicks
 * arrive as XHR requests (Vaadin's default push transport sends client messages over HTTP), so
 * every request, portal or API, passes through here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientAddress extends OncePerRequestFilter {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CURRENT.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
