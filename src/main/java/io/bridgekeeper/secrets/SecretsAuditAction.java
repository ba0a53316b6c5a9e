package io.bridgekeeper.secrets;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of the sealed secrets. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum SecretsAuditAction implements AuditAction {
    SECRETS_RESEALED
}
