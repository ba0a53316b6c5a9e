package io.bridgekeeper.webhook;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.vendor.VendorAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All of the webhook module's SQL: the outbox rows, how the dispatcher claims and settles them, and how
 * people and vendors read them. Rows map by column name. The services and the dispatcher hold the
 * rules, security and audit; this class only reads and writes inside their transactions.
 */
@Repository
class WebhookStore {

    /** A claimed delivery with what sending it needs; the vendor's signing secret is read only here. */
    record Claimed(long id, long vendorId, String eventType, String payload, int attempts, Instant createdAt,
                   Instant retrySince, String url, String secret) {
    }

    private static final String SELECT = """
            select d.id, d.vendor_id, v.name as vendor_name, d.event_type, d.status, d.attempts, d.next_attempt_at,
                   d.last_attempt_at, d.last_status_code, d.last_error, d.acknowledged_at, d.created_at
            from webhook_delivery d join vendor_directory v on v.id = d.vendor_id
            """;

    private static final RowMapper<DeliveryState> STATE = (rs, i) -> new DeliveryState(rs.getLong("id"),
            rs.getLong("vendor_id"), rs.getString("vendor_name"), WebhookEvent.valueOf(rs.getString("event_type")),
            DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
            instant(rs.getTimestamp("last_attempt_at")), (Integer) rs.getObject("last_status_code"),
            rs.getString("last_error"), instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("created_at")));

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- queueing

    /** Queues a delivery unless one with the same dedupe key exists; the new row's id, or empty. */
    Optional<Long> enqueue(long vendorId, WebhookEvent event, String payload, Instant now, String dedupeKey) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                insert into webhook_delivery (vendor_id, event_type, payload, status, next_attempt_at, created_at,
                                              retry_since, dedupe_key)
                values (?, ?, ?::jsonb, 'PENDING', ?, ?, ?, ?)
                on conflict (dedupe_key) where dedupe_key is not null do nothing
                returning id
                """).params(vendorId, event.name(), payload, at, at, at, dedupeKey).query(Long.class).optional();
    }

    // --- reading

    Optional<DeliveryState> find(long deliveryId) {
        return jdbc.sql(SELECT + " where d.id = ?").param(deliveryId).query(STATE).optional();
    }

    /** The payload as sent, pretty-printed by the database. */
    Optional<String> payload(long deliveryId) {
        return jdbc.sql("select jsonb_pretty(payload) from webhook_delivery where id = ?").param(deliveryId)
                .query(String.class).optional();
    }

    Optional<DeliveryState> findOfVendor(long deliveryId, long vendorId) {
        return jdbc.sql(SELECT + " where d.id = ? and d.vendor_id = ?").params(deliveryId, vendorId).query(STATE)
                .optional();
    }

    /** Newest first, in the caller's partner scope; {@code vendorId} and {@code status} null for all. */
    List<DeliveryState> page(VendorAccess.Scope scope, Long vendorId, DeliveryStatus status, Pageable page) {
        return page(scope, vendorId, status, page, null);
    }

    /** The same page, or, when {@code afterId} is set, the page's rows after that id (keyset). */
    List<DeliveryState> page(VendorAccess.Scope scope, Long vendorId, DeliveryStatus status, Pageable page,
                             Long afterId) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        if (vendorId != null) {
            sql.append(" and d.vendor_id = ?");
            args.add(vendorId);
        }
        scope.restrict("d.vendor_id", sql, args);
        if (status != null) {
            sql.append(" and d.status = ?");
            args.add(status.name());
        }
        Slices.orderNewestFirst("d.id", page, afterId, sql, args);
        return jdbc.sql(sql.toString()).params(args).query(STATE).list();
    }

    /** A vendor's own deliveries, newest first, at most {@code limit}. */
    List<DeliveryState> ofVendor(long vendorId, DeliveryStatus status, int limit) {
        String s = status == null ? null : status.name();
        return jdbc.sql(SELECT + " where d.vendor_id = ? and (?::varchar is null or d.status = ?::varchar)"
                + " order by d.id desc limit ?").params(vendorId, s, s, limit).query(STATE).list();
    }

    long deadLetters(long vendorId) {
        return jdbc.sql("select count(*) from webhook_delivery where vendor_id = ? and status = 'DEAD_LETTER'")
                .param(vendorId).query(Long.class).single();
    }

    // --- people and vendors acting on a delivery

    /** A dead letter queued again from {@code now}; false when it is no longer one. */
    boolean redeliver(long deliveryId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, retry_since = ?,
                    version = version + 1
                where id = ? and status = 'DEAD_LETTER'
                """).params(at, at, deliveryId).update() == 1;
    }

    void acknowledge(long deliveryId, Instant at) {
        jdbc.sql("""
                update webhook_delivery set status = 'ACKNOWLEDGED', acknowledged_at = ?, next_attempt_at = null,
                    version = version + 1
                where id = ?
                """).params(Timestamp.from(at), deliveryId).update();
    }

    // --- the dispatcher

    /** Vendors whose oldest open delivery is due, most overdue first. */
    List<Long> dueVendors(Instant now, int limit) {
        return jdbc.sql("""
                select d.vendor_id from webhook_delivery d
                where d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= :now
                  and not exists (select 1 from webhook_delivery e where e.vendor_id = d.vendor_id
                                  and e.status in ('PENDING', 'RETRYING') and e.id < d.id)
                order by d.next_attempt_at limit :limit
                """).param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /**
     * The head of the vendor's line if it is due and no other node holds it, locked and leased until
     * {@code leaseUntil} so nobody else sends it meanwhile.
     */
    Optional<Claimed> claim(long vendorId, Instant now, Instant leaseUntil) {
        Optional<Claimed> c = jdbc.sql("""
                select d.id, d.vendor_id, d.event_type, d.payload::text as payload, d.attempts, d.created_at,
                       d.retry_since, e.webhook_url as url, e.webhook_secret as secret
                from webhook_delivery d join vendor_webhook_endpoint e on e.vendor_id = d.vendor_id
                where d.id = (select min(h.id) from webhook_delivery h
                              where h.vendor_id = :vendor and h.status in ('PENDING', 'RETRYING'))
                  and d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= :now
                for update of d skip locked
                """).param("vendor", vendorId).param("now", Timestamp.from(now)).query(Claimed.class).optional();
        c.ifPresent(claimed -> jdbc.sql("update webhook_delivery set next_attempt_at = :until where id = :id")
                .param("until", Timestamp.from(leaseUntil)).param("id", claimed.id()).update());
        return c;
    }

    /**
     * Settles an attempt, unless the delivery changed while it was being sent (someone acknowledged or
     * redelivered it): false then, and nothing is written.
     */
    boolean settle(Claimed c, DeliveryStatus status, Instant now, String error, Instant next) {
        boolean settled = jdbc.sql("""
                update webhook_delivery set status = :status, attempts = :attempts, last_attempt_at = :now,
                    last_status_code = null, last_error = :error, next_attempt_at = :next,
                    acknowledged_at = case when :status = 'ACKNOWLEDGED' then :now else acknowledged_at end,
                    version = version + 1
                where id = :id and attempts = :before and status in ('PENDING', 'RETRYING')
                """).param("status", status.name()).param("attempts", c.attempts() + 1).param("now", Timestamp.from(now))
                .param("error", error).param("next", next == null ? null : Timestamp.from(next))
                .param("id", c.id()).param("before", c.attempts()).update() == 1;
        if (settled) {
            // the try's own row: the delivery row keeps only the last one, the monthly history keeps each
            jdbc.sql("""
                    insert into webhook_attempt (delivery_id, vendor_id, attempt, attempted_at, outcome, error)
                    values (:id, :vendor, :attempt, :now, :outcome, :error)
                    """).param("id", c.id()).param("vendor", c.vendorId()).param("attempt", c.attempts() + 1)
                    .param("now", Timestamp.from(now)).param("outcome", status.name()).param("error", error).update();
        }
        return settled;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
