package io.bridgekeeper.decision;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of the decision API: its credentials, its signing secret, observations. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum DecisionAuditAction implements AuditAction {
    SERVICE_CREDENTIAL_CREATED,
    SERVICE_CREDENTIAL_SCOPE_CHANGED,
    SERVICE_CREDENTIAL_REVOKED,
    CACHE_KEY_SECRET_ROTATED,
    OBSERVATIONS_REPORTED
}
