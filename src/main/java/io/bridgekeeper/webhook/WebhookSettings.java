package io.bridgekeeper.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent ({@code bridgekeeper.webhooks.*}): the sweep's batch, the lease a claimed
 * delivery holds while it is being sent, exponential backoff from {@code backoffBase} doubling up to
 * {@code backoffCap}, and the attempt after which a delivery is FAILED.
 */
@ConfigurationProperties("bridgekeeper.webhooks")
record WebhookSettings(@DefaultValue("true") boolean sweepEnabled,
                       @DefaultValue("PT2S") Duration sweepInterval,
                       @DefaultValue("20") int batchSize,
                       @DefaultValue("PT1M") Duration lease,
                       @DefaultValue("PT2S") Duration backoffBase,
                       @DefaultValue("PT10M") Duration backoffCap,
                       @DefaultValue("8") int maxAttempts,
                       @DefaultValue("PT10S") Duration requestTimeout) {

    /** Equal jitter: half the exponential delay for sure, the other half at random, so retries spread out. */
    Duration backoffAfter(int attempts, double random) {
        long base = backoffBase.toMillis();
        long exponential = base << Math.min(attempts - 1, 30);
        long capped = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, backoffCap.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped / 2.0)));
    }
}
