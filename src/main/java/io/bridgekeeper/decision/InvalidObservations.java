package io.bridgekeeper.decision;

import java.util.List;
import java.util.Map;

/** A batch of observations refused as a whole: every item and field at fault, nothing stored. */
public class InvalidObservations extends RuntimeException {

    private final transient List<Map<String, String>> errors;

    public InvalidObservations(List<Map<String, String>> errors) {
        super(errors.size() == 1 ? errors.getFirst().get("message")
                : "The batch has " + errors.size() + " invalid fields; nothing was stored.");
        this.errors = List.copyOf(errors);
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
