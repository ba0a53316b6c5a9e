package io.bridgekeeper.vendor;

/** Where a suspension stands ({@code vendor_suspension.status}); at most one per vendor is not LIFTED. */
public enum SuspensionStatus {
    /** In force. */
    ACTIVE,
    /** Still in force: an admin asked to resume and a second admin must approve. */
    RESUME_REQUESTED,
    /** Over: the vendor works again. */
    LIFTED
}
