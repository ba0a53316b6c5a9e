package io.bridgekeeper.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter of the API security chains: a request that fails because PostgreSQL cannot be
 * reached (no connection within the pool's short timeout, a connection lost, the server shutting down)
 * is answered here with a 503 problem and {@code Retry-After}. Without it the exception left the
 * chain, the container dispatched to {@code /error}, and {@code /error} went through the portal's
 * chain, which answered an API client {@code 302 Location: /login}.
 */
public final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final JsonMapper json;
    private final long retryAfterSeconds;

    public DatabaseUnavailableFilter(JsonMapper json, Duration retryAfter) {
        this.json = json;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "database-unavailable", "The database cannot be reached right now. Retry after "
                            + retryAfterSeconds + " s."));
        }
    }

    /**
     * True when {@code e} was caused by the database being unreachable: no pooled connection in time,
     * a refused or broken connection (SQLSTATE class 08), or the server shutting down or starting (57P01-03).
     */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isCause(rollback.getApplicationException())) {
                // the connection died under a transaction: its rollback failed too and hides the first error
                return true;
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                // the pool closed a connection the server had terminated, and a rollback then failed on it:
                // that rollback's exception replaces the first one (TransactionInterceptor logs the first)
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
