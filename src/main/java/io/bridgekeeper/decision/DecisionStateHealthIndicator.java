package io.bridgekeeper.decision;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: this node's decision state is loaded and current (it listens and has reloaded). A node
 * that has just started is not ready until then, so a load balancer does not send it the data plane's
 * traffic while every answer would still be read from the database.
 */
@Component
class DecisionStateHealthIndicator implements HealthIndicator {

    private final DecisionState state;

    DecisionStateHealthIndicator(DecisionState state) {
        this.state = state;
    }

    @Override
    public Health health() {
        return state.trusted() ? Health.up().build()
                : Health.down().withDetail("reason", "decision state not loaded or not current").build();
    }
}
