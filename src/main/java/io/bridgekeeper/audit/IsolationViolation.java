package io.bridgekeeper.audit;

import java.time.Instant;

/**
 * A delivery that would have shown (or showed) source device S of one household on target device T
 * of another. The owners are taken from the devices at the moment of recording unless given.
 */
public record IsolationViolation(Instant occurredAt, long vendorId, Long sourceDeviceId, Long targetDeviceId,
                                 Long requesterAccountId, String reason, Long cacheVersionId, Long rolloutId,
                                 Object evidence, EvidenceGrade grade) {

    public IsolationViolation {
        grade = grade == null ? EvidenceGrade.PROVEN : grade;
    }

    /** A proven violation (what every violation was before evidence was graded). */
    public IsolationViolation(Instant occurredAt, long vendorId, Long sourceDeviceId, Long targetDeviceId,
                              Long requesterAccountId, String reason, Long cacheVersionId, Long rolloutId,
                              Object evidence) {
        this(occurredAt, vendorId, sourceDeviceId, targetDeviceId, requesterAccountId, reason, cacheVersionId,
                rolloutId, evidence, EvidenceGrade.PROVEN);
    }
}
