package io.bridgekeeper.base.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Shutdown in the order a load balancer needs: readiness goes DOWN first, then (for
 * {@code bridgekeeper.shutdown.drain-delay}) the node keeps serving while the load balancer notices
 * and stops sending, then the web server's graceful shutdown ({@code server.shutdown=graceful}) stops
 * accepting and lets the requests in flight finish, bounded by
 * {@code spring.lifecycle.timeout-per-shutdown-phase}; only then are the pool and the database closed.
 * On Kubernetes a preStop sleep does what the drain delay does (docs/operations.md).
 */
@Component
class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationContext context;
    private final Duration drainDelay;

    ShutdownDrain(ApplicationContext context, @Value("${bridgekeeper.shutdown.drain-delay:0s}") Duration drainDelay) {
        this.context = context;
        this.drainDelay = drainDelay;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (drainDelay.isPositive()) {
            log.info("Readiness is DOWN; serving for {} more before the graceful shutdown", drainDelay);
            try {
                Thread.sleep(drainDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
