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
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
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
                backoff = Math.min(backoff * 2, 5_000);
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
