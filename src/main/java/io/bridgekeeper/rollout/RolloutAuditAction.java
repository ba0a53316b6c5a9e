package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of cache versions and rollouts: every state change, and telemetry reports. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum RolloutAuditAction implements AuditAction {
    CACHE_VERSION_REGISTERED,
    ROLLOUT_CREATED,
    ROLLOUT_SUBMITTED,
    ROLLOUT_APPROVED,
    ROLLOUT_REJECTED,
    ROLLOUT_STARTED,
    ROLLOUT_ADVANCED,
    ROLLOUT_COMPLETED,
    ROLLOUT_PAUSED,
    ROLLOUT_RESUMED,
    ROLLOUT_HALTED,
    ROLLOUT_ROLLED_BACK,
    TELEMETRY_REPORTED
}
