package io.bridgekeeper.webhook.api;

import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import io.bridgekeeper.webhook.DeliveryState;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A vendor acknowledges a webhook it received (a 2xx answer to the webhook itself also does). */
@RestController
@RequestMapping("/api/partner/v1/webhooks")
class PartnerWebhookController {

    record Ack(long id, String status) {
    }

    private final WebhookDeliveryService deliveries;

    PartnerWebhookController(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping("/{deliveryId}/ack")
    @RolesAllowed(Roles.VENDOR)
    Ack acknowledge(@AuthenticationPrincipal VendorKeyPrincipal key, @PathVariable long deliveryId) {
        DeliveryState d = deliveries.acknowledge(key.vendorId(), deliveryId);
        return new Ack(d.id(), d.status().name());
    }
}
