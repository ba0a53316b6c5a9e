package io.bridgekeeper.decision;

/** A request outside its service credential's scope (a call or a vendor it was not given): a 403 problem. */
public class DecisionScopeException extends RuntimeException {

    private final String field;

    DecisionScopeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request's field at fault, or null when it is the call itself. */
    public String field() {
        return field;
    }
}
