package io.bridgekeeper.webhook;

import io.bridgekeeper.base.db.MonthlyHistory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every delivery attempt is a row of {@code webhook_attempt}, partitioned by month (V121); the outbox
 * itself ({@code webhook_delivery}) is not, its open rows being live work. A month of attempts leaves the
 * database whole once it ended longer ago than {@code bridgekeeper.retention.webhook-attempts} (default 90 days).
 */
@Configuration(proxyBeanMethods = false)
class WebhookAttemptPartitions {

    @Bean
    MonthlyHistory webhookAttemptMonths(@Value("${bridgekeeper.retention.webhook-attempts:P90D}") Duration keep) {
        return MonthlyHistory.dropped("webhook_attempt", keep);
    }
}
