package io.bridgekeeper.vendor;

import io.bridgekeeper.base.cluster.ClusterListener;
import io.bridgekeeper.base.cluster.NodeIdentity;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that answers "is this vendor (capability) suspended?", from memory, because the
 * decision path asks on every delivery. The acting node applies a change at commit; every other
 * node applies it when PostgreSQL delivers the NOTIFY. While the LISTEN connection is down, memory
 * is not trusted: answers come from the database until the full state has been reloaded.
 * Each node records when it applied each change, so the portal can show where the switch holds.
 */
@Component
public class KillSwitch implements ClusterListener {

    static final String CHANNEL = "bridgekeeper_kill_switch";

    private final SuspensionRepository suspensions;
    private final VendorRepository vendors;
    private final JdbcTemplate jdbc;
    private final NodeIdentity node;
    private final Clock clock;
    private final List<LongConsumer> appliedListeners = new CopyOnWriteArrayList<>();

    private volatile Map<Long, ActiveSuspension> byVendor = Map.of();
    private volatile boolean trusted;
    /** When memory stopped being current (LISTEN connection lost); null while listening. */
    private volatile Instant lostAt;

    KillSwitch(SuspensionRepository suspensions, VendorRepository vendors, JdbcTemplate jdbc, NodeIdentity node,
               Clock clock) {
        this.suspensions = suspensions;
        this.vendors = vendors;
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /** True when deliveries of this capability from this vendor must be refused now. */
    public boolean isSuspended(long vendorId, Capability capability) {
        return suspensionOf(vendorId).map(s -> s.covers(capability)).orElse(false);
    }

    /** The vendor's open suspension, if any (a suspension awaiting its resume approval is still open). */
    public Optional<ActiveSuspension> suspensionOf(long vendorId) {
        if (!trusted) {
            return load(vendorId);
        }
        return Optional.ofNullable(byVendor.get(vendorId));
    }

    /**
     * The open suspension as this node's memory has it, when memory is current or was current no longer
     * than {@code maxStaleness} ago (the LISTEN connection lost since); otherwise from the database. For
     * resolve only, which may answer from a briefly stale memory; authorization uses {@link #suspensionOf(long)}.
     */
    public Optional<ActiveSuspension> suspensionOf(long vendorId, Duration maxStaleness) {
        Instant lost = lostAt;
        if (trusted || (lost != null && !clock.instant().isAfter(lost.plus(maxStaleness)))) {
            return Optional.ofNullable(byVendor.get(vendorId));
        }
        return load(vendorId);
    }

    /** For tests and the propagation benchmark: called with the vendor id each time this node applies a change. */
    public void onApplied(LongConsumer listener) {
        appliedListeners.add(listener);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public synchronized void onListening() {
        Map<Long, ActiveSuspension> all = new HashMap<>();
        for (Suspension s : suspensions.findAllOpen()) {
            vendors.findById(s.getVendorId()).ifPresent(v -> all.put(v.getId(), toActive(s, v)));
        }
        byVendor = Map.copyOf(all);
        // a node that starts or reconnects during a suspension enforces it from now on: say so, or the
        // vendor page would count it as "not yet" for as long as the suspension lasts
        Timestamp now = Timestamp.from(clock.instant());
        for (ActiveSuspension s : all.values()) {
            recordApplied(s.suspensionId(), "SUSPENDED", now);
        }
        trusted = true;
        lostAt = null;
    }

    @Override
    public void onDisconnected() {
        if (trusted) {
            lostAt = clock.instant();
        }
        trusted = false;
    }

    /** Payload: {@code vendorId:suspensionId:SUSPENDED|LIFTED}. */
    @Override
    public void onNotification(String payload) {
        String[] parts = payload.split(":");
        apply(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
    }

    /** Applies one vendor's change on this node and records when. */
    synchronized void apply(long vendorId, long suspensionId, String change) {
        Map<Long, ActiveSuspension> next = new HashMap<>(byVendor);
        load(vendorId).ifPresentOrElse(s -> next.put(vendorId, s), () -> next.remove(vendorId));
        byVendor = Map.copyOf(next);
        recordApplied(suspensionId, change, Timestamp.from(clock.instant()));
        appliedListeners.forEach(l -> l.accept(vendorId));
    }

    private void recordApplied(long suspensionId, String change, Timestamp at) {
        jdbc.update("insert into suspension_application (suspension_id, node_id, change, applied_at) values (?, ?, ?, ?) "
                + "on conflict do nothing", suspensionId, node.id(), change, at);
    }

    /** Sent inside the changing transaction; PostgreSQL delivers it to every node at commit. */
    void notifyNodes(long vendorId, long suspensionId, String change) {
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, vendorId + ":" + suspensionId + ":" + change);
    }

    private Optional<ActiveSuspension> load(long vendorId) {
        return suspensions.findOpen(vendorId)
                .flatMap(s -> vendors.findById(vendorId).map(v -> toActive(s, v)));
    }

    private static ActiveSuspension toActive(Suspension s, Vendor v) {
        return new ActiveSuspension(s.getId(), v.getId(), s.scope(v.getCapabilities()), s.getReasonCode(),
                s.getExpectedRestorationAt(), s.getSuspendedAt(), s.isAllCapabilities());
    }
}
