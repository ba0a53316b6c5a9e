package io.bridgekeeper.webhook;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorResumed;
import io.bridgekeeper.vendor.VendorSuspended;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a vendor when its integration is suspended or resumed. Runs after the suspension committed,
 * through Modulith's event publication registry, so a node that dies in between still queues the
 * webhook when the publication is resubmitted; a resubmitted event (or one handled twice) queues
 * nothing more: the dedupe key is unique in the database.
 */
@Component
class VendorStatusWebhooks {

    private final WebhookOutbox outbox;

    VendorStatusWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(VendorSuspended event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vendor", event.vendorSlug());
        data.put("suspensionId", event.suspensionId());
        data.put("allCapabilities", event.allCapabilities());
        data.put("capabilities", event.capabilities().stream().map(Capability::name).sorted().toList());
        data.put("reasonCode", event.reasonCode());
        data.put("reason", event.reasonText());
        data.put("expectedRestoration", event.expectedRestoration() == null ? null : event.expectedRestoration().toString());
        data.put("suspendedAt", event.suspendedAt().toString());
        outbox.enqueueOnce(AuditActor.system("vendor suspended: notify vendor"), event.vendorId(), WebhookEvent.SUSPENDED,
                data, "suspension:" + event.suspensionId() + ":SUSPENDED");
    }

    @ApplicationModuleListener
    void on(VendorResumed event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vendor", event.vendorSlug());
        data.put("suspensionId", event.suspensionId());
        data.put("resumedAt", event.resumedAt().toString());
        outbox.enqueueOnce(AuditActor.system("vendor resumed: notify vendor"), event.vendorId(), WebhookEvent.RESUMED,
                data, "suspension:" + event.suspensionId() + ":RESUMED");
    }
}
