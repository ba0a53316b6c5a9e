package io.bridgekeeper.webhook;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.security.CurrentUser;
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
 * A failed delivery can be retried; a vendor can acknowledge one through the partner API.
 */
@Service
@Transactional
public class WebhookDeliveryService {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    WebhookDeliveryService(JdbcTemplate jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of deliveries, newest first; {@code status} null for all. No total count: a Slice. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public Slice<DeliveryState> deliveries(DeliveryStatus status, Pageable page) {
        StringBuilder sql = new StringBuilder(DeliveryRows.SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        if (!currentUser.isAdmin()) {
            sql.append(" and d.vendor_id in (select vendor_id from vendor_partner_manager where account_id = ?)");
            args.add(currentUser.id());
        }
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

    /** Sends a FAILED delivery again from its first attempt. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public void retry(long deliveryId) {
        DeliveryState d = visible(deliveryId);
        if (d.status() != DeliveryStatus.FAILED) {
            throw DomainException.conflict("delivery-not-failed", "Only a failed delivery can be retried; this one is "
                    + d.status().name().toLowerCase() + ".");
        }
        jdbc.update("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, version = version + 1
                where id = ? and status = 'FAILED'
                """, Timestamp.from(clock.instant()), deliveryId);
        audit.record("WEBHOOK_RETRIED", "webhook_delivery", deliveryId, d.vendorId(),
                Map.of("status", "FAILED", "attempts", d.attempts()), Map.of("status", "PENDING", "attempts", 0));
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
        audit.record("WEBHOOK_ACKNOWLEDGED", "webhook_delivery", deliveryId, vendorId,
                Map.of("status", d.status().name()), Map.of("status", "ACKNOWLEDGED"));
        return jdbc.query(DeliveryRows.SELECT + " where d.id = ?", DeliveryRows.MAPPER, deliveryId).getFirst();
    }

    private DeliveryState visible(long deliveryId) {
        DeliveryState d = jdbc.query(DeliveryRows.SELECT + " where d.id = ?", DeliveryRows.MAPPER, deliveryId)
                .stream().findFirst().orElse(null);
        if (d == null || !(currentUser.isAdmin() || managed(d.vendorId()))) {
            throw DomainException.notFound("delivery-not-found", "No webhook delivery " + deliveryId + " for you.");
        }
        return d;
    }

    private boolean managed(long vendorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from vendor_partner_manager where vendor_id = ? and account_id = ?)",
                Boolean.class, vendorId, currentUser.id()));
    }
}
