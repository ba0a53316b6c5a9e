package io.bridgekeeper.webhook;

import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.audit.AuditSearch;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries as people see them: admins every vendor's, partner managers only their vendors'.
 * A dead letter can be redelivered; a vendor can acknowledge a delivery through the partner API.
 */
@Service
@Transactional
public class WebhookDeliveryService {

    private final WebhookStore store;
    private final VendorAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final AuditSearch auditSearch;

    WebhookDeliveryService(WebhookStore store, AuditLog audit, Clock clock, VendorAccess access, AuditSearch auditSearch) {
        this.store = store;
        this.auditSearch = auditSearch;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of deliveries, newest first; {@code status} null for all. No total count: a Slice. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public Slice<DeliveryState> deliveries(DeliveryStatus status, Pageable page) {
        return deliveries(null, status, page);
    }

    /** A page of one vendor's deliveries ({@code vendorId} null for every vendor the caller may see). */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public Slice<DeliveryState> deliveries(Long vendorId, DeliveryStatus status, Pageable page) {
        return deliveries(vendorId, status, page, null);
    }

    /** The same page read by key: when {@code afterId} is set, the rows after that id; the offset is not used. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public Slice<DeliveryState> deliveries(Long vendorId, DeliveryStatus status, Pageable page, Long afterId) {
        List<DeliveryState> rows = new ArrayList<>(store.page(access.scope(), vendorId, status, page, afterId));
        return Slices.of(rows, page);
    }

    /**
     * One delivery with its payload and its attempts, for admins and the vendor's partner managers; another
     * vendor's delivery is "not found".
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public DeliveryDetail detail(long deliveryId) {
        DeliveryState d = visible(deliveryId);
        List<DeliveryDetail.Attempt> attempts = auditSearch.trail("webhook_delivery", String.valueOf(deliveryId)).stream()
                .map(e -> {
                    Map<String, String> after = io.bridgekeeper.audit.AuditDiff.fields(e.after());
                    String answer = after.get("result");
                    return new DeliveryDetail.Attempt(e.occurredAt(), e.action(), e.actorName(), after.get("attempts"),
                            answer == null || "null".equals(answer) ? null : answer);
                }).toList();
        return new DeliveryDetail(d, store.payload(deliveryId).orElse(null), attempts);
    }

    /** How many of the vendor's deliveries are dead letters (the vendor page shows it). */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public long deadLetters(long vendorId) {
        if (!access.mayManage(vendorId)) {
            return 0;
        }
        return store.deadLetters(vendorId);
    }

    /**
     * Sends a dead letter again: a fresh run of retries up to the horizon, from now. It is the oldest open
     * delivery of its vendor again, so it goes before anything queued after it that is still open.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public void redeliver(long deliveryId) {
        DeliveryState d = visible(deliveryId);
        if (d.status() != DeliveryStatus.DEAD_LETTER) {
            throw DomainException.conflict("delivery-not-dead-letter", new Refusal("refusal.webhook.delivery-not-dead-letter", String.valueOf(d.status().name().toLowerCase().replace('_', ' '))));
        }
        if (!store.redeliver(deliveryId, clock.instant())) {
            throw DomainException.conflict("delivery-changed", new Refusal("refusal.webhook.delivery-changed"));
        }
        audit.record(WebhookAuditAction.WEBHOOK_REDELIVERED, "webhook_delivery", deliveryId, d.vendorId(),
                Map.of("status", DeliveryStatus.DEAD_LETTER.name(), "attempts", d.attempts()),
                Map.of("status", DeliveryStatus.PENDING.name(), "attempts", 0));
    }

    /** The vendor's own deliveries, newest first (the partner API): e.g. its dead letters. */
    @RolesAllowed(Roles.VENDOR)
    @Transactional(readOnly = true)
    public List<DeliveryState> ownDeliveries(long vendorId, DeliveryStatus status, int limit) {
        return store.ofVendor(vendorId, status, Math.clamp(limit, 1, 200));
    }

    /** The vendor confirms it processed a delivery (for vendors that answer 202 and process later). */
    @RolesAllowed(Roles.VENDOR)
    public DeliveryState acknowledge(long vendorId, long deliveryId) {
        DeliveryState d = store.findOfVendor(deliveryId, vendorId).orElseThrow(() -> DomainException.notFound("delivery-not-found", new Refusal("refusal.webhook.delivery-not-found", String.valueOf(deliveryId))));
        if (d.status() == DeliveryStatus.ACKNOWLEDGED) {
            return d; // idempotent
        }
        store.acknowledge(deliveryId, clock.instant());
        audit.record(WebhookAuditAction.WEBHOOK_ACKNOWLEDGED, "webhook_delivery", deliveryId, vendorId,
                Map.of("status", d.status().name()), Map.of("status", "ACKNOWLEDGED"));
        return store.find(deliveryId).orElseThrow();
    }

    private DeliveryState visible(long deliveryId) {
        DeliveryState d = store.find(deliveryId).orElse(null);
        if (d == null || !access.mayManage(d.vendorId())) {
            throw DomainException.notFound("delivery-not-found", new Refusal("refusal.webhook.delivery-not-found-2", String.valueOf(deliveryId)));
        }
        return d;
    }

}
