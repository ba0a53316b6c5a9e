package io.bridgekeeper.compatibility;

import io.bridgekeeper.base.cluster.ClusterListener;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "Is this vendor's model suspended on this surface?" for the decision path, from memory, kept like the kill
 * switch's: the acting node reloads at commit, every other node when PostgreSQL delivers the NOTIFY sent inside
 * the revoking (or certifying) transaction. While the LISTEN connection is down, memory is not trusted and each
 * question goes to the database until the full set has been reloaded.
 */
@Component
public class CertificationSwitch implements ClusterListener {

    static final String CHANNEL = "bridgekeeper_certification";

    private static final String OPEN = """
            select m.vendor_id, m.code, s.surface_code from certification_suspension s
            join device_model m on m.id = s.model_id
            where s.lifted_at is null
            """;

    private final JdbcTemplate jdbc;
    private final List<Runnable> appliedListeners = new CopyOnWriteArrayList<>();
    private volatile Set<String> suspended = Set.of();
    private volatile boolean trusted;

    CertificationSwitch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when deliveries of this vendor's model to this surface must be refused now. A device without a model, or
     * a target that is not a platform surface, is never suspended here.
     */
    public boolean isSuspended(long vendorId, String modelCode, String surfaceCode) {
        if (modelCode == null || surfaceCode == null) {
            return false;
        }
        if (!trusted) {
            Boolean open = jdbc.queryForObject("""
                    select exists (select 1 from certification_suspension s join device_model m on m.id = s.model_id
                                   where s.lifted_at is null and m.vendor_id = ? and m.code = ? and s.surface_code = ?)
                    """, Boolean.class, vendorId, modelCode, surfaceCode);
            return Boolean.TRUE.equals(open);
        }
        return suspended.contains(key(vendorId, modelCode, surfaceCode));
    }

    /** For tests: called each time this node has applied a change. */
    public void onApplied(Runnable listener) {
        appliedListeners.add(listener);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void onListening() {
        reload();
        trusted = true;
    }

    @Override
    public void onDisconnected() {
        trusted = false;
    }

    @Override
    public void onNotification(String payload) {
        reload();
    }

    /** Sent inside the changing transaction: every node reloads at commit, this one at once after it. */
    void changed(long vendorId, String modelCode, String surfaceCode, String change) {
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, vendorId + ":" + modelCode + ":" + surfaceCode + ":" + change);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        }
    }

    private synchronized void reload() {
        Set<String> open = new HashSet<>();
        jdbc.query(OPEN, rs -> {
            open.add(key(rs.getLong(1), rs.getString(2), rs.getString(3)));
        });
        suspended = Set.copyOf(open);
        appliedListeners.forEach(Runnable::run);
    }

    private static String key(long vendorId, String modelCode, String surfaceCode) {
        return vendorId + "/" + modelCode + "/" + surfaceCode;
    }
}
