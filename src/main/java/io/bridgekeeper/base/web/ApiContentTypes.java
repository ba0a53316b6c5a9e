package io.bridgekeeper.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The APIs read JSON only. A request to {@code /api/**} that names any other content type — a wildcard
 * ({@code *}{@code /*}, {@code application/*}), multipart (with or without a boundary), a type that does
 * not parse, a charset other than UTF-8 — gets a 415 problem here, before Spring Security or a
 * controller tries to read it (where a wildcard threw inside the servlet and came back as a redirect).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiContentTypes extends OncePerRequestFilter {

    private final JsonMapper json;

    ApiContentTypes(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/", request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String problem = header == null ? null : problem(header);
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", problem));
    }

    private static String problem(String header) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException
            return "The Content-Type does not parse; send 'Content-Type: application/json'.";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "The Content-Type may not be a wildcard; send 'Content-Type: application/json'.";
        }
        boolean json = "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!json) {
            return "The API reads JSON only; send 'Content-Type: application/json' (not " + type.getType() + "/"
                    + type.getSubtype() + ").";
        }
        String charset = type.getParameter("charset");
        if (charset != null) {
            try {
                if (!StandardCharsets.UTF_8.equals(Charset.forName(charset.replace("\"", "")))) {
                    return "Send the JSON in UTF-8.";
                }
            } catch (IllegalArgumentException e) {
                return "Send the JSON in UTF-8.";
            }
        }
        return null;
    }
}
