package io.bridgekeeper.audit;

/**
 * What the audit log records of isolation violations and incidents. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum IncidentAuditAction implements AuditAction {
    ISOLATION_VIOLATION_RECORDED,
    INCIDENT_OPENED,
    INCIDENT_ACKNOWLEDGED,
    INCIDENT_NOTE_ADDED,
    INCIDENT_RESOLVED
}
