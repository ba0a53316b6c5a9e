/**
 * Webhooks to vendors: the durable outbox, delivery in order per vendor with retries and backoff, dead
 * letters and redelivery, and the outbound-address rules.
 *
 * <p>Owns the tables: {@code webhook_delivery}.
 *
 * <p>Offers: {@link io.bridgekeeper.webhook.WebhookDeliveryService}.
 */
@ApplicationModule
package io.bridgekeeper.webhook;

import org.springframework.modulith.ApplicationModule;
