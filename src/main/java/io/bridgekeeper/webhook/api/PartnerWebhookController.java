package io.bridgekeeper.webhook.api;

import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import io.bridgekeeper.webhook.DeliveryState;
import io.bridgekeeper.webhook.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A vendor acknowledges a webhook it received (a 2xx answer to the webhook itself also does), and lists
 * its deliveries, e.g. {@code ?status=DEAD_LETTER} (docs/webhooks.md). Only status classes, never bodies.
 */
@RestController
@RequestMapping("/api/partner/v1/webhooks")
class PartnerWebhookController {

    record Ack(long id, String status) {
    }

    record Delivery(long id, String event, String status, int attempts, String lastResult, Instant createdAt,
                    Instant nextAttemptAt, Instant acknowledgedAt) {
    }

    private final WebhookDeliveryService deliveries;

    PartnerWebhookController(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @RolesAllowed(Roles.VENDOR)
    List<Delivery> list(@AuthenticationPrincipal VendorKeyPrincipal key,
                        @RequestParam(required = false) DeliveryStatus status,
                        @RequestParam(defaultValue = "50") int limit) {
        return deliveries.ownDeliveries(key.vendorId(), status, limit).stream()
                .map(d -> new Delivery(d.id(), d.event().name(), d.status().name(), d.attempts(), d.lastError(),
                        d.createdAt(), d.nextAttemptAt(), d.acknowledgedAt()))
                .toList();
    }

    @PostMapping("/{deliveryId}/ack")
    @RolesAllowed(Roles.VENDOR)
    Ack acknowledge(@AuthenticationPrincipal VendorKeyPrincipal key, @PathVariable long deliveryId) {
        DeliveryState d = deliveries.acknowledge(key.vendorId(), deliveryId);
        return new Ack(d.id(), d.status().name());
    }
}
