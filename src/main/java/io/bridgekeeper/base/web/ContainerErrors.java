package io.bridgekeeper.base.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container itself refuses — a path Spring Security's firewall rejects ({@code ;},
 * {@code //}, {@code %2e%2e}, an encoded NUL), a TRACE, a body it cannot parse — is answered as an RFC 9457
 * problem with the container's status. Before, the error dispatch to {@code /error} ran into the
 * portal's sign-in rule and the client got a 302 to {@code /login} from an API path.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    /** Error dispatches carry nothing to protect: a status and a fixed sentence, never the failed request's data. */
    @Bean
    @Order(0)
    SecurityFilterChain errorDispatches(HttpSecurity http) throws Exception {
        return http.securityMatcher(new DispatcherTypeRequestMatcher(DispatcherType.ERROR))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @RestController
    static class ProblemErrorController implements ErrorController {

        private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
            String detail = switch (status) {
                case BAD_REQUEST -> "The request was refused: its address, headers or body are malformed.";
                case NOT_FOUND -> "Nothing is here.";
                case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
                case UNSUPPORTED_MEDIA_TYPE -> "Send 'Content-Type: application/json'.";
                default -> status.is5xxServerError() ? unexpected(request) : status.getReasonPhrase() + ".";
            };
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemResponses.problem(status, status.is5xxServerError() ? "internal-error" : "refused", detail));
        }

        private static String unexpected(HttpServletRequest request) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Unexpected error, reference {}", reference, failure instanceof Throwable t ? t : null);
            return "Something went wrong (reference " + reference + "). Nothing was changed.";
        }

        private static HttpStatus status(Object code) {
            if (code instanceof Integer value) {
                HttpStatus status = HttpStatus.resolve(value);
                if (status != null && status.isError()) {
                    return status;
                }
            }
            return HttpStatus.BAD_REQUEST;
        }
    }
}
