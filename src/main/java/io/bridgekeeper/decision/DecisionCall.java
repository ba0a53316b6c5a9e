package io.bridgekeeper.decision;

/** The calls of the decision API that a service credential may be allowed to make (batches included). */
public enum DecisionCall {
    RESOLVE("Resolve (issue cache keys)"),
    AUTHORIZE("Authorize deliveries"),
    OBSERVE("Report delivery observations");

    private final String label;

    DecisionCall(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
