package io.bridgekeeper.decision;

import io.bridgekeeper.base.db.MonthlyHistory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access history is partitioned by month (V121): a month leaves the database whole once it ended
 * longer ago than {@code bridgekeeper.retention.access-history} (default 30 days; the older name
 * {@code bridgekeeper.access-history.retention} still works).
 */
@Configuration(proxyBeanMethods = false)
class AccessHistoryPartitions {

    static final String RETENTION = "${bridgekeeper.retention.access-history:${bridgekeeper.access-history.retention:P30D}}";

    @Bean
    MonthlyHistory accessHistoryMonths(@Value(RETENTION) Duration keep) {
        return MonthlyHistory.dropped("device_access", keep);
    }
}
