package io.bridgekeeper.canary;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of canary households. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum CanaryAuditAction implements AuditAction {
    CANARIES_ENROLLED,
    CANARY_WITHDRAWN
}
