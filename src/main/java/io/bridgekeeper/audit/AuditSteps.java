package io.bridgekeeper.audit;

import java.util.Set;

/**
 * Audit actions that are steps inside another event's story rather than events of their own, offered
 * by the module that records them: a webhook delivery's failed attempts are steps of that delivery. The
 * audit log's grid folds them into the delivery's own row (with a count) and shows them in its detail;
 * filtering by the action or the target shows them one by one, and the CSV export always has every one.
 */
public interface AuditSteps {

    /** The stored names of the step actions. */
    Set<String> stepActions();
}
