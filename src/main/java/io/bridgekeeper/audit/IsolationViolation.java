package io.bridgekeeper.audit;

import java.time.Instant;

/**
 * A delivery that would have shown (or showed) source device S of one household on target device T
 * of another. The owners are taken from the devices at the moment of recording, except the source's
 * owner when given: an observation knows whose image it was from the content's signed key.
 */
public record IsolationViolation(Instant occurredAt, long vendorId, Long sourceDeviceId, Long targetDeviceId,
                                 Long requesterAccountId, String reason, Long cacheVersionId, Long rolloutId,
                                 Object evidence, EvidenceGrade grade, EvidenceKind kind, Long sourceOwnerAccountId) {

    public IsolationViolation {
        grade = grade == null ? EvidenceGrade.PROVEN : grade;
        kind = kind == null ? EvidenceKind.of(grade) : kind;
    }

    /** A violation of the given grade, its kind following from it (a claim, or a signed key). */
    public IsolationViolation(Instant occurredAt, long vendorId, Long sourceDeviceId, Long targetDeviceId,
                              Long requesterAccountId, String reason, Long cacheVersionId, Long rolloutId,
                              Object evidence, EvidenceGrade grade) {
        this(occurredAt, vendorId, sourceDeviceId, targetDeviceId, requesterAccountId, reason, cacheVersionId,
                rolloutId, evidence, grade, null, null);
    }

    /** A proven violation (what every violation was before evidence was graded). */
    public IsolationViolation(Instant occurredAt, long vendorId, Long sourceDeviceId, Long targetDeviceId,
                              Long requesterAccountId, String reason, Long cacheVersionId, Long rolloutId,
                              Object evidence) {
        this(occurredAt, vendorId, sourceDeviceId, targetDeviceId, requesterAccountId, reason, cacheVersionId,
                rolloutId, evidence, EvidenceGrade.PROVEN);
    }

    /** The same violation, recorded against this rollout with these facts (what the guard files). */
    public IsolationViolation filed(Instant at, Long cacheVersion, Long rollout, Object facts) {
        return new IsolationViolation(at, vendorId, sourceDeviceId, targetDeviceId, requesterAccountId, reason,
                cacheVersion, rollout, facts, grade, kind, sourceOwnerAccountId);
    }
}
