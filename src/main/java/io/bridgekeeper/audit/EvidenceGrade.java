package io.bridgekeeper.audit;

/** How strongly an isolation violation is evidenced (DESIGN.md, "Evidence of a violation"). */
public enum EvidenceGrade {
    /** One household's content demonstrably reached another: a genuinely signed key of another owner came with it, or an observation says so. */
    PROVEN,
    /** A request merely named devices of two households: a data-plane bug or a hostile caller can send that. */
    CLAIMED
}
