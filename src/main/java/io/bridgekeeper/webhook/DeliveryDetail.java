package io.bridgekeeper.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One webhook delivery as its detail shows it: its state, the payload exactly as sent, and every attempt
 * with the vendor's answer (the HTTP status class, or why nothing came back), from the audit log.
 */
public record DeliveryDetail(DeliveryState state, String payload, List<Attempt> attempts) {

    /** One step of the delivery's story: queued, an attempt and its result, acknowledged, redelivered. */
    public record Attempt(Instant at, String what, String result) {
    }
}
