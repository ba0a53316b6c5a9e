package io.bridgekeeper.webhook;

import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries as people see them: admins every vendor's, partner managers only their vendors'.
 * A dead letter can be redelivered; a vendor can acknowledge a delivery through the partner API.
 */
@Service
@Transactional
public class WebhookDeliveryService {

    private final JdbcTemplate jdbc;
    private final VendorAccess access;
    private final AuditLog audit;
    private final Clock clock;

    WebhookDeliveryService(JdbcTemplate jdbc, AuditLog audit, Clock clock, VendorAccess access) {
        this.jdbc = jdbc;
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
        StringBuilder sql = new StringBuilder(DeliveryRows.SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        if (vendorId != null) {
            sql.append(" and d.vendor_id = ?");
            args.add(vendorId);
        }
        access.scope().restrict("d.vendor_id", sql, args);
        if (status != null) {
            sql.append(" and d.status = ?");
            args.add(status.name());
        }
        sql.append(" order by d.id desc limit ? offset ?");
        args.add(Slices.fetchSize(page));
        args.add(page.getOffset());
        List<DeliveryState> rows = new ArrayList<>(jdbc.query(sql.toString(), DeliveryRows.MAPPER, args.toArray()));
        return Slices.of(rows, page);
    }

    /** How many of the vendor's deliveries are dead letters (the vendor page shows it). */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public long deadLetters(long vendorId) {
        if (!access.mayManage(vendorId)) {
            return 0;
        }
        return jdbc.queryForObject("select count(*) from webhook_delivery where vendor_id = ? and status = 'DEAD_LETTER'",
                Long.class, vendorId);
    }

    /**
     * Sends a dead letter again: a fresh run of retries up to the horizon, from now. It is the oldest open
     * delivery of its vendor again, so it goes before anything queued after it that is still open.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public void redeliver(long deliveryId) {
        DeliveryState d = visible(deliveryId);
        if (d.status() != DeliveryStatus.DEAD_LETTER) {
            throw DomainException.conflict("delivery-not-dead-letter", "Only a dead letter can be redelivered; this "
                    + "delivery is " + d.status().name().toLowerCase().replace('_', ' ') + ".");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.update("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, retry_since = ?,
                    version = version + 1
                where id = ? and status = 'DEAD_LETTER'
                """, now, now, deliveryId);
        if (changed == 0) {
            throw DomainException.conflict("delivery-changed", "This delivery was redelivered by someone else meanwhile.");
        }
        audit.record(WebhookAuditAction.WEBHOOK_REDELIVERED, "webhook_delivery", deliveryId, d.vendorId(),
                Map.of("status", DeliveryStatus.DEAD_LETTER.name(), "attempts", d.attempts()),
                Map.of("status", DeliveryStatus.PENDING.name(), "attempts", 0));
    }

    /** The vendor's own deliveries, newest first (the partner API): e.g. its dead letters. */
    @RolesAllowed(Roles.VENDOR)
    @Transactional(readOnly = true)
    public List<DeliveryState> ownDeliveries(long vendorId, DeliveryStatus status, int limit) {
        return jdbc.query(DeliveryRows.SELECT + " where d.vendor_id = ? and (?::varchar is null or d.status = ?::varchar)"
                + " order by d.id desc limit ?", DeliveryRows.MAPPER, vendorId, status == null ? null : status.name(),
                status == null ? null : status.name(), Math.clamp(limit, 1, 200));
    }

    /** The vendor confirms it processed a delivery (for vendors that answer 202 and process later). */
    @RolesAllowed(Roles.VENDOR)
    public DeliveryState acknowledge(long vendorId, long deliveryId) {
        DeliveryState d = jdbc.query(DeliveryRows.SELECT + " where d.id = ? and d.vendor_id = ?", DeliveryRows.MAPPER,
                deliveryId, vendorId).stream().findFirst().orElseThrow(() -> DomainException.notFound(
                "delivery-not-found", "No webhook delivery " + deliveryId + " for this vendor."));
        if (d.status() == DeliveryStatus.ACKNOWLEDGED) {
            return d; // idempotent
        }
        jdbc.update("""
                update webhook_delivery set status = 'ACKNOWLEDGED', acknowledged_at = ?, next_attempt_at = null,
                    version = version + 1
                where id = ?
                """, Timestamp.from(clock.instant()), deliveryId);
        audit.record(WebhookAuditAction.WEBHOOK_ACKNOWLEDGED, "webhook_delivery", deliveryId, vendorId,
                Map.of("status", d.status().name()), Map.of("status", "ACKNOWLEDGED"));
        return jdbc.query(DeliveryRows.SELECT + " where d.id = ?", DeliveryRows.MAPPER, deliveryId).getFirst();
    }

    private DeliveryState visible(long deliveryId) {
        DeliveryState d = jdbc.query(DeliveryRows.SELECT + " where d.id = ?", DeliveryRows.MAPPER, deliveryId)
                .stream().findFirst().orElse(null);
        if (d == null || !access.mayManage(d.vendorId())) {
            throw DomainException.notFound("delivery-not-found", "No webhook delivery " + deliveryId + " for you.");
        }
        return d;
    }

}
