package io.bridgekeeper.link;

import java.time.Instant;

/** One move of a link's epoch: linked, relinked, unlinked, force-unlinked, device detached. */
public record EpochChange(int epoch, String event, Instant occurredAt, String actorEmail, String reason) {
}
