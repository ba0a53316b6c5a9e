package io.bridgekeeper.decision.api;

import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.decision.DecisionScopeException;
import io.bridgekeeper.decision.InvalidObservations;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The decision API's own refusals as RFC 9457 problems, for its controllers only. */
@RestControllerAdvice(assignableTypes = {DecisionController.class, ObservationController.class})
class DecisionApiProblems {

    /** A call or a vendor outside the credential's scope: a 403 problem naming the field, if one is at fault. */
    @ExceptionHandler(DecisionScopeException.class)
    ProblemDetail outOfScope(DecisionScopeException e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.FORBIDDEN, "out-of-scope", e.getMessage());
        if (e.field() != null) {
            p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return p;
    }

    /** A batch of observations with items at fault: every field named, nothing stored. */
    @ExceptionHandler(InvalidObservations.class)
    ProblemDetail invalidObservations(InvalidObservations e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-observations", e.getMessage());
        p.setProperty("errors", e.errors());
        return p;
    }
}
