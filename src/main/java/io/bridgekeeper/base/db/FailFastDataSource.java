package io.bridgekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool, with one rule added for a database that cannot be reached: once a request has waited the
 * whole connection timeout in vain, the pool is marked down and every request fails at once, until a
 * background probe reaches the database again (it tries every {@value #PROBE_PAUSE_MS} ms). Without it a
 * request that needs the database several times (vendor, suspension, devices) waited a timeout for each,
 * and the decision API's requests, which queue behind one read ({@code CoalescedReads}), waited two.
 * A pool exhausted for a whole timeout under load trips it too: the requests are then shed with a 503
 * until a connection is free again, instead of queuing.
 */
final class FailFastDataSource extends HikariDataSource {

    private static final Logger log = LoggerFactory.getLogger(FailFastDataSource.class);
    private static final long PROBE_PAUSE_MS = 200;

    private volatile boolean down;
    private final AtomicBoolean probing = new AtomicBoolean();

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException(getPoolName() + " - the database cannot be reached", "08001");
        }
        try {
            return super.getConnection();
        } catch (SQLTransientConnectionException e) {
            // Hikari's "not available, request timed out": no connection within the connection timeout
            markDown(e);
            throw e;
        }
    }

    /** True while the pool is marked down (see the class comment). */
    boolean down() {
        return down;
    }

    private void markDown(SQLException cause) {
        down = true;
        if (probing.compareAndSet(false, true)) {
            log.warn("No database connection within the timeout ({}): requests fail at once until one is had again",
                    cause.getMessage());
            Thread.ofVirtual().name("db-probe").start(this::probe);
        }
    }

    /**
     * Probes with a connection of its own, not through the pool: while nobody asks the pool, Hikari stops
     * trying to connect, and its next attempt after the database's return starts at once. Probing through
     * the pool kept Hikari's connection attempts going with a backoff that grows to 5 s, and the first
     * connection after the return came up to 5 s late.
     */
    private void probe() {
        Properties props = new Properties();
        if (getUsername() != null) {
            props.setProperty("user", getUsername());
        }
        if (getPassword() != null) {
            props.setProperty("password", getPassword());
        }
        props.setProperty("connectTimeout", "1");
        props.setProperty("ApplicationName", getPoolName() + "-probe");
        try {
            while (!isClosed()) {
                try (Connection c = DriverManager.getConnection(getJdbcUrl(), props);
                     Statement st = c.createStatement()) {
                    st.setQueryTimeout(1);
                    st.execute("select 1");
                    down = false;
                    log.info("The database can be reached again");
                    return;
                } catch (SQLException e) {
                    Thread.sleep(PROBE_PAUSE_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            probing.set(false);
        }
    }
}
