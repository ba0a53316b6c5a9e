package io.bridgekeeper.webhook;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorResumed;
import io.bridgekeeper.vendor.VendorSuspended;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a vendor when its integration is suspended or resumed. Runs after the suspension committed,
 * through Modulith's event publication registry, so a node that dies in between still queues the
 * webhook when the publication is resubmitted; a resubmitted event does not queue a second one.
 */
@Component
class VendorStatusWebhooks {

    private final WebhookOutbox outbox;
    private final JdbcTemplate jdbc;

    VendorStatusWebhooks(WebhookOutbox outbox, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(VendorSuspended event) {
        if (alreadyQueued(event.vendorId(), WebhookEvent.SUSPENDED, event.suspensionId())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vendor", event.vendorSlug());
        data.put("suspensionId", event.suspensionId());
        data.put("allCapabilities", event.allCapabilities());
        data.put("capabilities", event.capabilities().stream().map(Capability::name).sorted().toList());
        data.put("reasonCode", event.reasonCode());
        data.put("reason", event.reasonText());
        data.put("expectedRestoration", event.expectedRestoration() == null ? null : event.expectedRestoration().toString());
        data.put("suspendedAt", event.suspendedAt().toString());
        outbox.enqueue(AuditActor.system("vendor suspended: notify vendor"), event.vendorId(), WebhookEvent.SUSPENDED,
                data);
    }

    @ApplicationModuleListener
    void on(VendorResumed event) {
        if (alreadyQueued(event.vendorId(), WebhookEvent.RESUMED, event.suspensionId())) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("vendor", event.vendorSlug());
        data.put("suspensionId", event.suspensionId());
        data.put("resumedAt", event.resumedAt().toString());
        outbox.enqueue(AuditActor.system("vendor resumed: notify vendor"), event.vendorId(), WebhookEvent.RESUMED, data);
    }

    private boolean alreadyQueued(long vendorId, WebhookEvent event, long suspensionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from webhook_delivery
                               where vendor_id = ? and event_type = ? and payload ->> 'suspensionId' = ?)
                """, Boolean.class, vendorId, event.name(), String.valueOf(suspensionId)));
    }
}
