package io.bridgekeeper.decision;

import java.time.Instant;

/** A cache-key signing secret as admins see it: its id and state, never the secret. */
public record SigningSecret(String kid, SigningSecretStatus status, Instant createdAt, String createdBy, Instant retiredAt) {
}
