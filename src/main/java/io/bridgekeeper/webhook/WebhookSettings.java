package io.bridgekeeper.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent ({@code bridgekeeper.webhooks.*}). Every {@code pollInterval} a node looks for
 * vendors whose oldest open delivery is due and gives each its own worker (at most
 * {@code maxConcurrentVendors} at once). A claimed delivery is leased for {@code lease}: a node that dies
 * loses it that soon, so the lease must outlast one attempt ({@code connectTimeout + requestTimeout}).
 * Retries back off exponentially from {@code backoffBase} up to {@code backoffCap}, with jitter, until
 * {@code retryHorizon} after the delivery was queued (or redelivered); then it is a dead letter.
 */
@ConfigurationProperties("bridgekeeper.webhooks")
record WebhookSettings(@DefaultValue("true") boolean sweepEnabled,
                       @DefaultValue("PT0.25S") Duration pollInterval,
                       @DefaultValue("PT10S") Duration lease,
                       @DefaultValue("PT2S") Duration backoffBase,
                       @DefaultValue("PT10M") Duration backoffCap,
                       @DefaultValue("PT24H") Duration retryHorizon,
                       @DefaultValue("PT2S") Duration connectTimeout,
                       @DefaultValue("PT5S") Duration requestTimeout,
                       @DefaultValue("16") int maxConcurrentVendors) {

    WebhookSettings {
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("bridgekeeper.webhooks.lease (" + lease + ") must be longer than "
                    + "connect-timeout + request-timeout (" + connectTimeout.plus(requestTimeout) + ")");
        }
    }

    /** Equal jitter: half the exponential delay for sure, the other half at random, so retries spread out. */
    Duration backoffAfter(int attempts, double random) {
        long base = backoffBase.toMillis();
        long exponential = base << Math.min(attempts - 1, 30);
        long capped = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, backoffCap.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped / 2.0)));
    }
}
