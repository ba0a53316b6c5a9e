package io.bridgekeeper.webhook;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic sweep of the outbox. ShedLock makes it run on one node at a time across the cluster;
 * the dispatcher's row claims keep a delivery from being sent twice even if a sweep outlives its lock.
 * {@code bridgekeeper.webhooks.sweep-enabled=false} turns it off (a node that only serves the portal).
 */
@Component
@ConditionalOnProperty(name = "bridgekeeper.webhooks.sweep-enabled", havingValue = "true", matchIfMissing = true)
class WebhookSweep {

    private final WebhookDispatcher dispatcher;

    WebhookSweep(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${bridgekeeper.webhooks.sweep-interval:PT2S}",
            initialDelayString = "${bridgekeeper.webhooks.sweep-interval:PT2S}")
    @SchedulerLock(name = "webhook-sweep", lockAtMostFor = "PT5M")
    void sweep() {
        // drain what is due, batch by batch, while holding the lock
        while (dispatcher.dispatchDue() > 0) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
