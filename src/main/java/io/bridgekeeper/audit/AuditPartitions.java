package io.bridgekeeper.audit;

import io.bridgekeeper.base.db.MonthlyHistory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log is partitioned by month (V121). A month that ended longer ago than
 * {@code bridgekeeper.retention.audit} (default 400 days) is archived ({@link AuditArchive}) when
 * {@code bridgekeeper.audit.archive-dir} is set, and only then leaves the database.
 */
@Configuration(proxyBeanMethods = false)
class AuditPartitions {

    @Bean
    MonthlyHistory auditEventMonths(@Value("${bridgekeeper.retention.audit:P400D}") Duration keep) {
        return new MonthlyHistory("audit_event", keep, true);
    }
}
