package io.bridgekeeper.base.db;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Which replicas serve decision reads and why the others do not. Always UP and not part of readiness: a
 * node without a serving replica reads the primary, as it would without replicas, and keeps serving.
 */
@Component
class ReplicasHealthIndicator implements HealthIndicator {

    private final ReadReplicas replicas;

    ReplicasHealthIndicator(ReadReplicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ReadReplicas.ReplicaStatus s : replicas.status()) {
            details.put(s.url(), Map.of("name", s.name() == null ? "" : s.name(), "serving", s.serving(),
                    "reason", s.reason()));
        }
        return Health.up().withDetails(details).build();
    }
}
