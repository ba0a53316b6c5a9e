package io.bridgekeeper.webhook;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.vendor.WebhookTargets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends webhooks: every vendor has a line (its open deliveries, oldest first) and only the head of a
 * line is ever sent, so a later event for a vendor waits until the earlier one is acknowledged or
 * dead-lettered. Each node gives every vendor whose head is due a worker of its own (a virtual thread,
 * at most {@code maxConcurrentVendors} at once), so a vendor that hangs holds up only its own line.
 * <p>
 * A head is claimed per delivery: locked with {@code FOR UPDATE SKIP LOCKED} in a short transaction and
 * leased for a few seconds by moving {@code next_attempt_at} past the attempt's longest duration; a node
 * that dies mid-attempt loses the lease that soon and another node sends the delivery again, with the
 * same delivery id (at-least-once). The outcome is written only if nobody recorded an attempt meanwhile.
 */
@Component
class WebhookDispatcher implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final AuditActor ACTOR = AuditActor.system("webhook delivery");

    /** A claimed delivery with what sending it needs; the vendor's signing secret is read only here. */
    record Claimed(long id, long vendorId, String eventType, String payload, int attempts, Instant createdAt,
                   Instant retrySince, String url, String secret) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookSettings settings;
    private final WebhookSender sender;
    private final SecretSealer sealer;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-vendor-", 0).factory());
    private final Semaphore slots;
    private final Set<Long> busyVendors = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    WebhookDispatcher(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, AuditLog audit, Clock clock,
                      WebhookSettings settings, WebhookTargets targets, SecretSealer sealer) {
        this.sealer = sealer;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.sender = new WebhookSender(targets, settings);
        this.slots = new Semaphore(settings.maxConcurrentVendors());
    }

    /** Gives each vendor whose line head is due a worker, unless one of this node's already works on it. */
    int poll() {
        if (!running) {
            return 0;
        }
        int started = 0;
        for (long vendor : dueVendors()) {
            if (!busyVendors.add(vendor)) {
                continue;
            }
            if (!slots.tryAcquire()) {
                busyVendors.remove(vendor);
                break;
            }
            started++;
            workers.execute(() -> {
                try {
                    while (running && deliverNext(vendor)) {
                        // the vendor's next delivery, if its head is due now
                    }
                } catch (RuntimeException e) {
                    log.warn("Webhook worker for vendor {} stopped: {}", vendor, e.toString());
                } finally {
                    busyVendors.remove(vendor);
                    slots.release();
                }
            });
        }
        return started;
    }

    private List<Long> dueVendors() {
        return jdbc.sql("""
                select d.vendor_id from webhook_delivery d
                where d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= :now
                  and not exists (select 1 from webhook_delivery e where e.vendor_id = d.vendor_id
                                  and e.status in ('PENDING', 'RETRYING') and e.id < d.id)
                order by d.next_attempt_at limit :limit
                """).param("now", Timestamp.from(clock.instant())).param("limit", settings.maxConcurrentVendors() * 4)
                .query(Long.class).list();
    }

    /** Sends the head of the vendor's line if it is due and nobody holds it; false when there was none. */
    boolean deliverNext(long vendorId) {
        Claimed c = tx.execute(status -> claim(vendorId));
        if (c == null) {
            return false;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", c.id());
        envelope.put("event", c.eventType());
        envelope.put("createdAt", c.createdAt().toString());
        envelope.put("data", json.readTree(c.payload()));
        String body = json.writeValueAsString(envelope);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "Bridgekeeper-Webhooks/1");
        headers.put("X-Bridgekeeper-Delivery", String.valueOf(c.id()));
        headers.put("X-Bridgekeeper-Event", c.eventType());
        headers.put("X-Bridgekeeper-Attempt", String.valueOf(c.attempts() + 1));
        headers.put("X-Bridgekeeper-Timestamp", String.valueOf(timestamp));
        // the secret is sealed at rest (V105): in clear only here, for this signature
        headers.put("X-Bridgekeeper-Signature", WebhookSigner.sign(sealer.unsealText(c.secret()), timestamp, body));
        WebhookSender.Outcome outcome = sender.send(c.url(), headers, body);
        tx.executeWithoutResult(status -> record(c, outcome));
        return true;
    }

    private Claimed claim(long vendorId) {
        Instant now = clock.instant();
        Claimed c = jdbc.sql("""
                select d.id, d.vendor_id, d.event_type, d.payload::text as payload, d.attempts, d.created_at,
                       d.retry_since, v.webhook_url as url, v.webhook_secret as secret
                from webhook_delivery d join vendor v on v.id = d.vendor_id
                where d.id = (select min(h.id) from webhook_delivery h
                              where h.vendor_id = :vendor and h.status in ('PENDING', 'RETRYING'))
                  and d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= :now
                for update of d skip locked
                """).param("vendor", vendorId).param("now", Timestamp.from(now))
                .query(Claimed.class).optional().orElse(null);
        if (c != null) {
            jdbc.sql("update webhook_delivery set next_attempt_at = :until where id = :id")
                    .param("until", Timestamp.from(now.plus(settings.lease()))).param("id", c.id()).update();
        }
        return c;
    }

    private void record(Claimed c, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        int attempts = c.attempts() + 1;
        String before = c.attempts() == 0 ? DeliveryStatus.PENDING.name() : DeliveryStatus.RETRYING.name();
        DeliveryStatus status;
        Instant next = null;
        if (outcome.delivered()) {
            status = DeliveryStatus.ACKNOWLEDGED;
        } else {
            next = now.plus(settings.backoffAfter(attempts, ThreadLocalRandom.current().nextDouble()));
            boolean pastHorizon = next.isAfter(c.retrySince().plus(settings.retryHorizon()));
            status = pastHorizon ? DeliveryStatus.DEAD_LETTER : DeliveryStatus.RETRYING;
            next = pastHorizon ? null : next;
        }
        int changed = jdbc.sql("""
                update webhook_delivery set status = :status, attempts = :attempts, last_attempt_at = :now,
                    last_status_code = null, last_error = :error, next_attempt_at = :next,
                    acknowledged_at = case when :status = 'ACKNOWLEDGED' then :now else acknowledged_at end,
                    version = version + 1
                where id = :id and attempts = :before and status in ('PENDING', 'RETRYING')
                """).param("status", status.name()).param("attempts", attempts).param("now", Timestamp.from(now))
                .param("error", outcome.delivered() ? null : outcome.statusClass())
                .param("next", next == null ? null : Timestamp.from(next))
                .param("id", c.id()).param("before", c.attempts()).update();
        if (changed == 0) {
            log.info("Webhook delivery {} changed while it was being sent; outcome of this attempt not recorded", c.id());
            return;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("attempts", attempts);
        after.put("result", outcome.statusClass());
        WebhookAuditAction action = switch (status) {
            case ACKNOWLEDGED -> WebhookAuditAction.WEBHOOK_DELIVERED;
            case DEAD_LETTER -> WebhookAuditAction.WEBHOOK_DEAD_LETTERED;
            default -> WebhookAuditAction.WEBHOOK_ATTEMPT_FAILED;
        };
        audit.record(ACTOR, action, "webhook_delivery", c.id(), c.vendorId(), Map.of("status", before), after);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Takes no new work and waits (up to a lease) for the attempts under way, so none is left half-recorded. */
    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + settings.lease().toNanos();
        while (!busyVendors.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        workers.shutdownNow();
        sender.close();
    }
}
