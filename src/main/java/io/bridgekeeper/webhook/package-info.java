/**
 * Webhooks to vendors: the durable outbox, delivery in order per vendor with retries and backoff, dead
 * letters and redelivery, and the outbound-address rules.
 *
 * <p>Owns the tables: {@code webhook_delivery}, {@code webhook_attempt}.
 *
 * <p>Offers: {@link io.bridgekeeper.webhook.WebhookDeliveryService}, {@link io.bridgekeeper.webhook.WebhookOutbox}.
 *
 * <p>All its SQL is in one package-private store, {@code WebhookStore}; the outbox, the delivery
 * service and the dispatcher hold the rules, security and audit.
 */
@ApplicationModule
package io.bridgekeeper.webhook;

import org.springframework.modulith.ApplicationModule;
