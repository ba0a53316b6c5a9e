package io.bridgekeeper.base.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: the node's LISTEN connection is up and every cluster listener has reloaded on it. Without
 * it the node would not hear a suspension committed on another node; it is not ready until it does.
 */
@Component
class ListenHealthIndicator implements HealthIndicator {

    private final PostgresNotifications notifications;

    ListenHealthIndicator(PostgresNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Health health() {
        return notifications.listening() ? Health.up().build()
                : Health.down().withDetail("reason", "not listening for other nodes' changes").build();
    }
}
