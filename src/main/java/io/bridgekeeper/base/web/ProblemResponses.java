package io.bridgekeeper.base.web;

import io.bridgekeeper.base.DomainException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.exc.MismatchedInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the REST APIs is an RFC 9457 problem: a type, a title, a specific detail, and for
 * bad input the fields at fault. Never a stack trace, never a 500 for something the client did.
 */
@RestControllerAdvice
@Order(-1) // before Boot's ProblemDetailsExceptionHandler (order 0), whose detail for a bad body is only "Failed to read request"
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    public static final String TYPE_BASE = "https://bridgekeeper.dev/problems/";

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        ProblemDetail p = problem(HttpStatus.valueOf(e.status()), e.type(), e.getMessage());
        if (e.field() != null) {
            p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return p;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields.");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        p.setProperty("errors", errors);
        return p;
    }

    /** A body that is not JSON, or a field of the wrong type: say which field and what was expected. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof MismatchedInputException je && !je.getPath().isEmpty()) {
            String field = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((x, y) -> y.startsWith("[") ? x + y : x + "." + y).orElse("body");
            String expected = je.getTargetType() != null ? " expected " + describe(je.getTargetType())
                    : " has the wrong type";
            String detail = "Field '" + field + "'" + expected + ".";
            ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
            p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
            return p;
        }
        log.debug("Unreadable request body: {}", cause.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body",
                "The request body is not valid JSON of the expected shape.");
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "This credential may not do that.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change",
                "Someone else changed this at the same time. Read it again and retry.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "constraint-violation",
                "The change conflicts with existing data and was not applied.");
    }

    public static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(status.getReasonPhrase());
        return p;
    }
}
