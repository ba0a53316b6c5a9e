package io.bridgekeeper.compatibility;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of compatibility. The constant's name is the {@code action} stored in
 * {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum CompatibilityAuditAction implements AuditAction {
    DEVICE_MODEL_REGISTERED,
    COMPATIBILITY_DECLARED,
    CERTIFICATION_GRANTED,
    CERTIFICATION_REVOKED
}
