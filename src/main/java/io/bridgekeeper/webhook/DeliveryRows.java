package io.bridgekeeper.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/** How a delivery row is read, in one place for the outbox, the grid and the receipts. */
final class DeliveryRows {

    static final String SELECT = """
            select d.id, d.vendor_id, v.name as vendor_name, d.event_type, d.status, d.attempts, d.next_attempt_at,
                   d.last_attempt_at, d.last_status_code, d.last_error, d.acknowledged_at, d.created_at
            from webhook_delivery d join vendor v on v.id = d.vendor_id
            """;

    static final RowMapper<DeliveryState> MAPPER = (rs, i) -> new DeliveryState(rs.getLong("id"),
            rs.getLong("vendor_id"), rs.getString("vendor_name"), WebhookEvent.valueOf(rs.getString("event_type")),
            DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
            instant(rs.getTimestamp("last_attempt_at")), (Integer) rs.getObject("last_status_code"),
            rs.getString("last_error"), instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("created_at")));

    private DeliveryRows() {
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
