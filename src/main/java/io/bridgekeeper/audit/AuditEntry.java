package io.bridgekeeper.audit;

import java.time.Instant;

/**
 * One audit event as the caller may see it: for a partner manager, households are shown by number
 * only and other people's client addresses are left out (see {@link AuditSearch}). {@code foldedSteps}
 * counts the step events ({@link AuditSteps}) of the same target that the grid folds into this row.
 */
public record AuditEntry(long id, Instant occurredAt, String actorType, String actorName, String action,
                         String targetType, String targetId, Long vendorId, String vendorName, String before,
                         String after, String clientAddress, long foldedSteps) {

    public AuditEntry(long id, Instant occurredAt, String actorType, String actorName, String action,
                      String targetType, String targetId, Long vendorId, String vendorName, String before,
                      String after, String clientAddress) {
        this(id, occurredAt, actorType, actorName, action, targetType, targetId, vendorId, vendorName, before, after,
                clientAddress, 0);
    }

    public String target() {
        return targetId == null ? targetType : targetType + " " + targetId;
    }
}
