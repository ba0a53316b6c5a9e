package io.bridgekeeper.compatibility;

/** Where a model stands on a surface: declared by its vendor, certified by an admin, or revoked. */
public enum CertificationStatus {
    /** The vendor says it works; no admin has certified it yet. */
    DECLARED,
    /** An admin certified it for at least one cache version, and no revocation is open. */
    CERTIFIED,
    /** An admin revoked it: deliveries of the model's devices to the surface are refused until certified again. */
    REVOKED
}
