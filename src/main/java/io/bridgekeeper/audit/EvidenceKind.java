package io.bridgekeeper.audit;

/** What an isolation violation was learnt from, beside how strongly it is evidenced ({@link EvidenceGrade}). */
public enum EvidenceKind {
    /** An authorization carried a genuinely signed cache key of another owner. */
    KEY,
    /** An authorization only named devices of two households. */
    CLAIM,
    /** The data plane (or the vendor) observed a display receiving another household's content. */
    OBSERVED,
    /** A vendor's telemetry counted violations. */
    TELEMETRY;

    /** The kind of a violation recorded without one: a claim, or a signed key. */
    static EvidenceKind of(EvidenceGrade grade) {
        return grade == EvidenceGrade.CLAIMED ? CLAIM : KEY;
    }
}
