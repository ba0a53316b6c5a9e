package io.bridgekeeper.decision;

/** A vendor a credential's scope may name (not retired). */
public record CredentialVendor(long id, String slug) {
}
