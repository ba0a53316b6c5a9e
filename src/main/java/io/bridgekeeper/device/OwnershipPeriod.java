package io.bridgekeeper.device;

import java.time.Instant;

/** One owner's period of a device: from when, why, until when, why it ended. */
public record OwnershipPeriod(long ownerAccountId, String ownerEmail, Long linkId, Integer linkEpoch, Instant startedAt,
                              String startReason, Instant endedAt, String endReason, String reasonText) {
}
