package io.bridgekeeper.rollout;

import io.bridgekeeper.base.db.MonthlyHistory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rollout telemetry is partitioned by month (V121): a month leaves the database whole once it ended longer
 * ago than {@code bridgekeeper.retention.telemetry} (default 180 days; guards read only the last hours).
 */
@Configuration(proxyBeanMethods = false)
class TelemetryPartitions {

    @Bean
    MonthlyHistory telemetryMonths(@Value("${bridgekeeper.retention.telemetry:P180D}") Duration keep) {
        return MonthlyHistory.dropped("telemetry", keep);
    }
}
