package io.bridgekeeper.base.db;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Readiness: a real query through the pool the requests use, answered within
 * {@code bridgekeeper.db.health-timeout} or counted as DOWN (the query itself is bounded by the pool's
 * connection timeout and a 1 s statement timeout, and finishes in the background). It replaces Boot's
 * {@code db} indicator, whose query has no timeout and which waited for Hikari's 30 s default; a load
 * balancer learns of a lost database within about a second.
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

    private static final Executor QUERIES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("db-health-", 0).factory());

    private final JdbcTemplate jdbc;
    private final Duration timeout;

    DatabaseHealthIndicator(DataSource dataSource,
                            @Value("${bridgekeeper.db.health-timeout:800ms}") Duration timeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(1);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        CompletableFuture<Integer> query = CompletableFuture.supplyAsync(
                () -> jdbc.queryForObject("select 1", Integer.class), QUERIES);
        try {
            query.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            // the reason without the stack: the endpoint is public to the load balancer
            return Health.down().withDetail("reason", "the database cannot be reached").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }
}
