package io.bridgekeeper.audit;

import java.time.Instant;

/**
 * A delivery that would have shown (or showed) source device S of one household on target device T
 * of another. The owners are taken from the devices at the moment of recording unless given.
 */
public record IsolationViolation(Instant occurredAt, long vendorId, Long sourceDeviceId, Long targetDeviceId,
                                 Long requesterAccountId, String reason, Long cacheVersionId, Long rolloutId,
                                 Object evidence) {
}
