package io.bridgekeeper.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port over its own embedded PostgreSQL (migrated from scratch,
 * demo data seeded). Every integration and E2E test uses exactly this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// the scraper's credential (MetricsSecurity): without one configured, nobody can read the metrics; the history
// retention job runs only when a test calls it, so it never drops the month partitions a back-dated test made
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bridgekeeper.metrics.password=" + IntegrationTest.METRICS_PASSWORD,
                "bridgekeeper.retention.initial-delay=P1D", "bridgekeeper.retention.interval=P1D"})
public @interface IntegrationTest {

    String METRICS_PASSWORD = "scrape-in-tests";
}
