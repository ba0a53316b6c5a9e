package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of account links: codes, linking, unlinking. LINKED, RELINKED, UNLINKED and FORCE_UNLINKED are also the names of the epoch changes they cause. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum LinkAuditAction implements AuditAction {
    LINK_CODE_CREATED,
    LINKED,
    RELINKED,
    UNLINKED,
    FORCE_UNLINKED,
    DEVICE_UNLINKED,
    CANARY_LINKED,
    CANARY_LINK_ENDED
}
