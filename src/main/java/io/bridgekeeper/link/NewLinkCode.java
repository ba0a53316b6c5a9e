package io.bridgekeeper.link;

import java.time.Instant;

/** A one-time link code, shown once to the household that asked for it (only its hash is stored). */
public record NewLinkCode(String code, String vendorName, Instant expiresAt) {
}
