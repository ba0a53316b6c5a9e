package io.bridgekeeper.base.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One dedicated connection per node that LISTENs on every {@link ClusterListener}'s channel and
 * hands notifications to them. On any failure it tells the listeners, reconnects with a short
 * backoff, LISTENs again and lets them reload before trusting notifications again.
 */
@Component
class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private final HikariDataSource dataSource;
    private final Map<String, ClusterListener> listeners;
    private final String nodeId;
    private volatile boolean running;
    /** True once every listener has reloaded on the current connection, until that connection fails. */
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    PostgresNotifications(HikariDataSource dataSource, List<ClusterListener> listeners, NodeIdentity node) {
        this.dataSource = dataSource;
        this.listeners = listeners.stream().collect(Collectors.toMap(ClusterListener::channel, Function.identity()));
        this.nodeId = node.id();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("pg-listen").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Started before the web server and stopped after it has drained: a node that still answers requests
     * during a graceful shutdown must still hear other nodes' changes (a suspension committed meanwhile),
     * or it would answer them from memory that no longer follows the database while calling it current.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Whether this node listens now and its listeners have reloaded (readiness, see ListenHealthIndicator). */
    boolean listening() {
        return listening;
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                connection = connect();
                try (Statement st = connection.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        st.execute("LISTEN " + channel);
                    }
                }
                // LISTEN first, then reload: a change committed in between is both loaded and notified
                listeners.values().forEach(ClusterListener::onListening);
                listening = true;
                log.info("Node {} listens on {}", nodeId, listeners.keySet());
                backoff = 100;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            ClusterListener listener = listeners.get(n.getName());
                            if (listener != null) {
                                listener.onNotification(n.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                log.warn("Lost the LISTEN connection ({}); reconnecting and reloading", e.getMessage());
                listeners.values().forEach(ClusterListener::onDisconnected);
                closeQuietly();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                // at most 0.5 s between attempts (a refused connection costs nothing): a node is ready again
                // within about a second of the database's return
                backoff = Math.min(backoff * 2, 500);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (dataSource.getUsername() != null) {
            props.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            props.setProperty("password", dataSource.getPassword());
        }
        props.setProperty("ApplicationName", "bridgekeeper-listen-" + nodeId);
        props.setProperty("connectTimeout", "2");
        Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), props);
        c.setAutoCommit(true);
        return c;
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }
}
