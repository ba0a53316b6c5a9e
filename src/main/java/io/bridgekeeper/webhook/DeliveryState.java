package io.bridgekeeper.webhook;

import java.time.Instant;

/** One delivery as the portal shows it: in the deliveries grid and as the "vendor notified" step of a receipt. */
public record DeliveryState(long id, long vendorId, String vendorName, WebhookEvent event, DeliveryStatus status,
                           int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode,
                           String lastError, Instant acknowledgedAt, Instant createdAt) {
}
