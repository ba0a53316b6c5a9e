package io.bridgekeeper.audit;

/**
 * What an audit entry says was done. Each module names its own actions in an enum that implements
 * this ({@code VendorAuditAction}, {@code RolloutAuditAction}, …), so an action is a compile-time
 * constant of the module that performs it; the audit log stores {@link #name()}.
 */
public interface AuditAction {

    /** The action as stored, e.g. {@code VENDOR_SUSPENDED}. */
    String name();
}
