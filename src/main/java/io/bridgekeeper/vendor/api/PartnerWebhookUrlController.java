package io.bridgekeeper.vendor.api;

import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import io.bridgekeeper.vendor.VendorService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A vendor sets its own webhook URL: https to a public address (docs/webhooks.md); an empty or refused
 * URL is a 400 problem naming the field {@code webhookUrl}, and nothing is saved.
 */
@RestController
@RequestMapping("/api/partner/v1")
class PartnerWebhookUrlController {

    record WebhookUrl(String webhookUrl) {
    }

    private final VendorService vendors;

    PartnerWebhookUrlController(VendorService vendors) {
        this.vendors = vendors;
    }

    @PutMapping("/webhook-url")
    @RolesAllowed(Roles.VENDOR)
    WebhookUrl update(@AuthenticationPrincipal VendorKeyPrincipal key, @RequestBody WebhookUrl body) {
        return new WebhookUrl(vendors.updateOwnWebhookUrl(key.vendorId(), body == null ? null : body.webhookUrl()));
    }
}
