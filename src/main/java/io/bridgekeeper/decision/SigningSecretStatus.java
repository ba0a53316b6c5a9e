package io.bridgekeeper.decision;

/** Where a cache-key signing secret stands ({@code cache_key_secret.status}). */
public enum SigningSecretStatus {
    /** Signs new cache keys (exactly one). */
    ACTIVE,
    /** Signed keys still verify; signs nothing new (the previous active one, until the next rotation). */
    VERIFY,
    /** Keys it signed are stale: the decision API answers STALE_CACHE_KEY for them. */
    RETIRED
}
