package io.bridgekeeper.base.cluster;

import java.util.List;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This app node's identity, registered in {@code app_node} and kept alive by a heartbeat, so the
 * portal can say on how many of the live nodes a change has been applied.
 */
@Component
public class NodeIdentity {

    /**
     * A node whose heartbeat is older than this is no longer counted (a crashed node leaves the count
     * within this time; a node that stops cleanly leaves at once). Nodes beat every 2 s by default
     * ({@code bridgekeeper.node-heartbeat}), so a live node is never mistaken for a dead one.
     */
    public static final Duration ALIVE = Duration.ofSeconds(10);

    private final String nodeId;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NodeIdentity(JdbcTemplate jdbc, Clock clock, @Value("${bridgekeeper.node-id:}") String configured) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = configured.isBlank() ? defaultId() : configured;
        heartbeat();
    }

    public String id() {
        return nodeId;
    }

    /** Every node beats for itself (not once across nodes). */
    @Scheduled(fixedDelayString = "${bridgekeeper.node-heartbeat:2s}")
    public void heartbeat() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into app_node (node_id, started_at, last_seen_at) values (?, ?, ?) "
                + "on conflict (node_id) do update set last_seen_at = excluded.last_seen_at, stopped_at = null",
                nodeId, now, now);
    }

    /** The nodes alive now (beaten within {@link #ALIVE}, not stopped), oldest first. */
    public List<String> aliveNodes() {
        return jdbc.queryForList("""
                select node_id from app_node where last_seen_at > ? and stopped_at is null order by started_at, node_id
                """, String.class, Timestamp.from(clock.instant().minus(ALIVE)));
    }

    @PreDestroy
    void stopped() {
        jdbc.update("update app_node set stopped_at = ? where node_id = ?", Timestamp.from(clock.instant()), nodeId);
    }

    private static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        return (host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 4)).toLowerCase();
    }
}
