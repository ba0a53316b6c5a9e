package io.bridgekeeper.device;

import io.bridgekeeper.audit.AuditAction;

/**
 * What the audit log records of devices: sync, ownership, moves between households, enable and disable. The constant's name is the
 * {@code action} stored in {@code audit_event}: renaming one breaks the search over older entries.
 */
public enum DeviceAuditAction implements AuditAction {
    DEVICES_SYNCED,
    DEVICES_RELEASED,
    DEVICE_DETACHED,
    DEVICE_TRANSFERRED,
    DEVICE_ENABLED,
    DEVICE_DISABLED,
    DEVICE_MOVE_REQUESTED,
    DEVICE_MOVE_WITHDRAWN,
    DEVICE_MOVE_CONFIRMED,
    DEVICE_MOVE_REJECTED,
    CANARY_DEVICES_REGISTERED,
    CANARY_DEVICES_REMOVED
}
