package io.bridgekeeper.link;

import java.time.Instant;

/** The answer to a vendor's hint that an OAuth-linked account's devices changed: the pull is queued. */
public record DevicePullRequest(String externalAccountId, Instant requestedAt) {
}
