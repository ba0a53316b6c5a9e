package io.bridgekeeper.webhook;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.webhook.WebhookStore.Claimed;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.vendor.WebhookTargets;
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

    private final WebhookStore store;
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

    WebhookDispatcher(WebhookStore store, TransactionTemplate tx, JsonMapper json, AuditLog audit, Clock clock,
                      WebhookSettings settings, WebhookTargets targets, SecretSealer sealer) {
        this.sealer = sealer;
        this.store = store;
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
        return store.dueVendors(clock.instant(), settings.maxConcurrentVendors() * 4);
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
        return store.claim(vendorId, now, now.plus(settings.lease())).orElse(null);
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
        boolean settled = store.settle(c, status, now, outcome.delivered() ? null : outcome.statusClass(), next);
        if (!settled) {
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
