package io.bridgekeeper.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for due webhooks every {@code bridgekeeper.webhooks.poll-interval} on every node: no cluster-wide
 * lock, the dispatcher's per-delivery claims keep nodes apart. {@code bridgekeeper.webhooks.sweep-enabled=false}
 * turns it off (a node that only serves the portal).
 */
@Component
@ConditionalOnProperty(name = "bridgekeeper.webhooks.sweep-enabled", havingValue = "true", matchIfMissing = true)
class WebhookSweep {

    private final WebhookDispatcher dispatcher;

    WebhookSweep(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${bridgekeeper.webhooks.poll-interval:PT0.25S}",
            initialDelayString = "${bridgekeeper.webhooks.poll-interval:PT0.25S}")
    void sweep() {
        dispatcher.poll();
    }
}
