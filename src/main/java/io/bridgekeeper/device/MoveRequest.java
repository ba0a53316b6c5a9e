package io.bridgekeeper.device;

import java.time.OffsetDateTime;

/** A pending move as an admin resolves it: both households, and whether the claiming link is still live. */
public record MoveRequest(long id, long deviceId, String deviceName, String vendorName, String fromEmail,
                          String toEmail, String toExternalAccountId, boolean toLinkLive, OffsetDateTime requestedAt) {
}
