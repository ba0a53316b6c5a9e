package io.bridgekeeper.webhook;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of webhook deliveries, from queueing to acknowledgement or dead letter. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum WebhookAuditAction implements AuditAction {
    WEBHOOK_QUEUED,
    WEBHOOK_DELIVERED,
    WEBHOOK_ATTEMPT_FAILED,
    WEBHOOK_DEAD_LETTERED,
    WEBHOOK_ACKNOWLEDGED,
    WEBHOOK_REDELIVERED
}
