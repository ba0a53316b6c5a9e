package io.bridgekeeper.audit;

import java.time.Instant;

/**
 * What the audit view filters by; every field is optional. {@code actor} is the exact actor name (an
 * e-mail, "lumacam key 1a2b3c", "system: ..."), {@code action} the exact action, the target the
 * target type and optionally its id, {@code from} inclusive and {@code to} exclusive.
 */
public record AuditFilter(String actor, String action, String targetType, String targetId, Long vendorId,
                          Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        targetType = blankToNull(targetType);
        targetId = blankToNull(targetId);
    }

    public AuditFilter withAction(String value) {
        return new AuditFilter(actor, value, targetType, targetId, vendorId, from, to);
    }

    public AuditFilter withTarget(String type, String id) {
        return new AuditFilter(actor, action, type, id, vendorId, from, to);
    }

    public AuditFilter withVendor(Long value) {
        return new AuditFilter(actor, action, targetType, targetId, value, from, to);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
