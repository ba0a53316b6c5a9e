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
    CANARY_LINK_ENDED,
    /** A partner manager or admin changed the vendor's authorization server (never the secret's value). */
    OAUTH_SETTINGS_CHANGED,
    /** The household linked the same vendor account again by OAuth after the vendor refused a refresh. */
    LINK_RENEWED,
    LINK_TOKENS_REFRESHED,
    /** The vendor refused to refresh a link's tokens: decisions for its devices are refused until it is linked again. */
    LINK_NEEDS_RELINK,
    LINK_DEVICES_PULLED,
    /** The vendor hinted that an OAuth-linked account's devices changed: they are pulled soon. */
    DEVICE_PULL_REQUESTED,
    LINK_DEVICE_PULL_FAILED,
    TOKENS_REVOKED_AT_VENDOR,
    TOKEN_REVOCATION_FAILED,
    /** An admin sent a vendor's failed revocations again. */
    TOKEN_REVOCATIONS_RETRIED
}
