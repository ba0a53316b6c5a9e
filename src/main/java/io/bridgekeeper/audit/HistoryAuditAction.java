package io.bridgekeeper.audit;

/**
 * What the audit log records of the partitioned history (V121): months created ahead, months dropped by
 * retention, and audit months archived. Performed by {@link HistoryRetention} and {@link AuditArchive}.
 */
public enum HistoryAuditAction implements AuditAction {
    HISTORY_MONTHS_CREATED,
    HISTORY_MONTH_DROPPED,
    AUDIT_MONTH_ARCHIVED
}
