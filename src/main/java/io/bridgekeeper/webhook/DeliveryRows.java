package io.bridgekeeper.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/** How a delivery row is read, in one place for the outbox, the grid and the receipts. */
final class DeliveryRows {

    static final String SELECT = """
            select d.id, d.vendor_id, v.name, d.event_type, d.status, d.attempts, d.next_attempt_at,
                   d.last_attempt_at, d.last_status_code, d.last_error, d.acknowledged_at, d.created_at
            from webhook_delivery d join vendor v on v.id = d.vendor_id
            """;

    static final RowMapper<DeliveryState> MAPPER = (rs, i) -> new DeliveryState(rs.getLong(1), rs.getLong(2),
            rs.getString(3), WebhookEvent.valueOf(rs.getString(4)), DeliveryStatus.valueOf(rs.getString(5)),
            rs.getInt(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), (Integer) rs.getObject(9),
            rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));

    private DeliveryRows() {
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
