package io.bridgekeeper.webhook;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable outbox: a delivery is a row written in the caller's transaction, so it exists exactly
 * when the change it reports committed. {@link WebhookDispatcher} sends it later, in order per vendor.
 * Callers are secured services (the transaction is mandatory, so nothing can enqueue on its own).
 */
@Service
public class WebhookOutbox {

    private final WebhookStore store;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    WebhookOutbox(WebhookStore store, JsonMapper json, AuditLog audit, Clock clock) {
        this.store = store;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a webhook to the vendor, by whoever is calling (audited as them). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(long vendorId, WebhookEvent event, Map<String, ?> data) {
        return enqueueOnce(null, vendorId, event, data, null).orElseThrow();
    }

    /** Queues a webhook on behalf of a named actor, e.g. the system reacting to an event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(AuditActor actor, long vendorId, WebhookEvent event, Map<String, ?> data) {
        return enqueueOnce(actor, vendorId, event, data, null).orElseThrow();
    }

    /**
     * Queues a webhook unless one with the same {@code dedupeKey} exists (then nothing, and empty): for
     * events that may be handled more than once. A unique index decides, so it holds across nodes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> enqueueOnce(AuditActor actor, long vendorId, WebhookEvent event, Map<String, ?> data,
                                      String dedupeKey) {
        Long id = store.enqueue(vendorId, event, json.writeValueAsString(data), clock.instant(), dedupeKey).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        Map<String, Object> after = Map.of("event", event.name(), "status", DeliveryStatus.PENDING.name());
        if (actor == null) {
            audit.record(WebhookAuditAction.WEBHOOK_QUEUED, "webhook_delivery", id, vendorId, null, after);
        } else {
            audit.record(actor, WebhookAuditAction.WEBHOOK_QUEUED, "webhook_delivery", id, vendorId, null, after);
        }
        return Optional.of(id);
    }

    /**
     * A delivery's state, for a caller that has already checked that its user may see it (an unlink
     * receipt of the signed-in household): read-only, so it needs only the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Optional<DeliveryState> state(long deliveryId) {
        return store.find(deliveryId);
    }
}
