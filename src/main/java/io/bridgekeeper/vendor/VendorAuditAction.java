package io.bridgekeeper.vendor;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of vendors: onboarding, status, suspension, partner managers, keys, policy. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum VendorAuditAction implements AuditAction {
    VENDOR_CREATED,
    VENDOR_ACTIVATED,
    VENDOR_RETIRED,
    VENDOR_WEBHOOK_CHANGED,
    VENDOR_SUSPENDED,
    VENDOR_RESUME_REQUESTED,
    VENDOR_RESUME_WITHDRAWN,
    VENDOR_RESUMED,
    PARTNER_MANAGER_ASSIGNED,
    PARTNER_MANAGER_REMOVED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    VIOLATION_POLICY_CHANGED
}
