package io.bridgekeeper.webhook;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.secrets.SecretSealer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries. A delivery is claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED},
 * then a lease on {@code next_attempt_at}), sent outside any transaction, and its outcome written in
 * another one that only applies if nobody else attempted it meanwhile. A 2xx acknowledges it; anything
 * else schedules a retry with backoff, until the cap marks it FAILED.
 */
@Component
class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final AuditActor ACTOR = AuditActor.system("webhook delivery");

    record Claimed(long id, long vendorId, String event, String payload, int attempts, Instant createdAt,
                   String url, String secret) {
    }

    record Outcome(boolean delivered, Integer statusCode, String error) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookSettings settings;
    private final HttpClient http;
    /** Null: every vendor's deliveries. A vendor id: only that vendor's (a node of its own, e.g. in a test). */
    private final Long vendorScope;
    private final SecretSealer sealer;

    @org.springframework.beans.factory.annotation.Autowired
    WebhookDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, AuditLog audit, Clock clock,
                      WebhookSettings settings, SecretSealer sealer) {
        this(jdbc, tx, json, audit, clock, settings, sealer, null);
    }

    WebhookDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, AuditLog audit, Clock clock,
                      WebhookSettings settings, SecretSealer sealer, Long vendorScope) {
        this.vendorScope = vendorScope;
        this.sealer = sealer;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    /** Sends what is due now; returns how many deliveries were attempted. */
    int dispatchDue() {
        List<Claimed> claimed = tx.execute(status -> claim());
        for (Claimed c : claimed) {
            Outcome outcome = send(c);
            tx.executeWithoutResult(status -> record(c, outcome));
        }
        return claimed.size();
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return jdbc.query("""
                with due as (
                    select id from webhook_delivery
                    where status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                      and (?::bigint is null or vendor_id = ?::bigint)
                    order by next_attempt_at, id limit ? for update skip locked)
                update webhook_delivery d set next_attempt_at = ?
                from due, vendor v where d.id = due.id and v.id = d.vendor_id
                returning d.id, d.vendor_id, d.event_type, d.payload::text, d.attempts, d.created_at,
                          v.webhook_url, v.webhook_secret
                """, (rs, i) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)),
                Timestamp.from(now), vendorScope, vendorScope, settings.batchSize(),
                Timestamp.from(now.plus(settings.lease())));
    }

    private Outcome send(Claimed c) {
        if (c.url() == null || c.url().isBlank()) {
            return new Outcome(false, null, "The vendor has no webhook URL configured.");
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", c.id());
        envelope.put("event", c.event());
        envelope.put("createdAt", c.createdAt().toString());
        envelope.put("data", json.readTree(c.payload()));
        String body = json.writeValueAsString(envelope);
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Bridgekeeper-Delivery", String.valueOf(c.id()))
                    .header("X-Bridgekeeper-Event", c.event())
                    .header("X-Bridgekeeper-Timestamp", String.valueOf(timestamp))
                    // the secret is sealed at rest (V105): in clear only here, for this signature
                    .header("X-Bridgekeeper-Signature", WebhookSigner.sign(sealer.unsealText(c.secret()), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return new Outcome(true, code, null);
            }
            String text = response.body() == null ? "" : response.body().strip();
            return new Outcome(false, code, "HTTP " + code + (text.isEmpty() ? "" : ": " + abbreviate(text)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted while sending");
        } catch (Exception e) {
            return new Outcome(false, null, abbreviate(describe(e)));
        }
    }

    private void record(Claimed c, Outcome outcome) {
        Instant now = clock.instant();
        int attempts = c.attempts() + 1;
        String before = c.attempts() == 0 ? "PENDING" : "RETRYING";
        int changed;
        String status;
        if (outcome.delivered()) {
            status = "ACKNOWLEDGED";
            changed = jdbc.update("""
                    update webhook_delivery set status = 'ACKNOWLEDGED', attempts = ?, last_attempt_at = ?,
                        last_status_code = ?, last_error = null, acknowledged_at = ?, next_attempt_at = null,
                        version = version + 1
                    where id = ? and attempts = ? and status in ('PENDING', 'RETRYING')
                    """, attempts, Timestamp.from(now), outcome.statusCode(), Timestamp.from(now), c.id(), c.attempts());
        } else {
            boolean giveUp = attempts >= settings.maxAttempts();
            status = giveUp ? "FAILED" : "RETRYING";
            Instant next = giveUp ? null
                    : now.plus(settings.backoffAfter(attempts, ThreadLocalRandom.current().nextDouble()));
            changed = jdbc.update("""
                    update webhook_delivery set status = ?, attempts = ?, last_attempt_at = ?, last_status_code = ?,
                        last_error = ?, next_attempt_at = ?, version = version + 1
                    where id = ? and attempts = ? and status in ('PENDING', 'RETRYING')
                    """, status, attempts, Timestamp.from(now), outcome.statusCode(), outcome.error(),
                    next == null ? null : Timestamp.from(next), c.id(), c.attempts());
        }
        if (changed == 0) {
            log.info("Webhook delivery {} changed while it was being sent; outcome of this attempt not recorded", c.id());
            return;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("attempts", attempts);
        if (outcome.statusCode() != null) {
            after.put("httpStatus", outcome.statusCode());
        }
        if (outcome.error() != null) {
            after.put("error", outcome.error());
        }
        String action = switch (status) {
            case "ACKNOWLEDGED" -> "WEBHOOK_DELIVERED";
            case "FAILED" -> "WEBHOOK_FAILED";
            default -> "WEBHOOK_ATTEMPT_FAILED";
        };
        audit.record(ACTOR, action, "webhook_delivery", c.id(), c.vendorId(), Map.of("status", before), after);
    }

    /** "ConnectException (UnresolvedAddressException)", "HttpTimeoutException: request timed out". */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            text.append(": ").append(e.getMessage());
        }
        if (root != e) {
            text.append(" (").append(root.getClass().getSimpleName());
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                text.append(": ").append(root.getMessage());
            }
            text.append(')');
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    @Override
    public void close() {
        http.close();
    }
}
