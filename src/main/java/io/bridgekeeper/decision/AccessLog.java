package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DeviceReads.Row;
import io.bridgekeeper.vendor.Capability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts the decision API's answers per device and minute for the households' access history
 * ({@link AccessHistory}): in memory on the hot path (a map update, no I/O), written every second in one
 * batch (every node its own; counts add up). Old months leave by partition ({@link AccessHistoryPartitions}).
 * It records answers, not changes anyone made: the counting is not audited (dropping a month is).
 *
 * <p>Bounded: at most {@value #MAX_PENDING} distinct entries wait for the next write; beyond that (a
 * flood of distinct devices within a second) answers are still given but not counted, and
 * {@code bridgekeeper.access_history.dropped} says how many. A write that fails (database away) is
 * dropped the same way: the history is for people, never a reason to slow or refuse a delivery. An
 * answer counted at the very moment of a write's hand-over may be missed; the counts are "about".
 */
@Component
public class AccessLog {

    static final int MAX_PENDING = 100_000;

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private record Key(long minute, long device, long owner, Long display, Long displayOwner, Capability capability,
                       Decision.Outcome outcome, DenyReason reason) {
    }

    private static final class Count {
        final AtomicLong answers = new AtomicLong();
        volatile long lastAt;
    }

    private volatile Map<Key, Count> pending = new ConcurrentHashMap<>();
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    /** Off: nothing is counted (households see no new history); for nodes that must spend nothing on it. */
    private final boolean enabled;
    private final Counter dropped;

    AccessLog(NamedParameterJdbcTemplate jdbc, Clock clock, MeterRegistry meters,
              @Value("${bridgekeeper.access-history.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dropped = Counter.builder("bridgekeeper.access_history.dropped")
                .description("Decision answers not counted in the access history (too many at once, or a failed write)")
                .register(meters);
    }

    /** Counts one answer about a device that has a household (hot path: memory only). */
    void record(Row device, Row display, Capability capability, Decision decision) {
        if (!enabled || device == null || device.ownerId() == null) {
            return;
        }
        long now = clock.millis();
        Key key = new Key(now - now % 60_000, device.id(), device.ownerId(), display == null ? null : display.id(),
                display == null ? null : display.ownerId(), capability, decision.outcome(), decision.reason());
        Map<Key, Count> map = pending;
        Count c = map.get(key);
        if (c == null) {
            if (map.size() >= MAX_PENDING) {
                dropped.increment();
                return;
            }
            c = map.computeIfAbsent(key, k -> new Count());
        }
        c.answers.incrementAndGet();
        c.lastAt = now;
    }

    /** Writes what was counted since the last write, in one batch (every node its own; counts add up). */
    @Scheduled(fixedDelayString = "${bridgekeeper.access-history.flush-interval:PT1S}")
    public void flush() {
        Map<Key, Count> taken = pending;
        if (taken.isEmpty()) {
            return;
        }
        pending = new ConcurrentHashMap<>();
        int n = taken.size();
        Timestamp[] minutes = new Timestamp[n];
        Long[] devices = new Long[n];
        Long[] owners = new Long[n];
        Long[] displays = new Long[n];
        Long[] displayOwners = new Long[n];
        String[] capabilities = new String[n];
        String[] outcomes = new String[n];
        String[] reasons = new String[n];
        Long[] answers = new Long[n];
        Timestamp[] lastAts = new Timestamp[n];
        int i = 0;
        for (Map.Entry<Key, Count> e : taken.entrySet()) {
            Key k = e.getKey();
            minutes[i] = Timestamp.from(Instant.ofEpochMilli(k.minute()));
            devices[i] = k.device();
            owners[i] = k.owner();
            displays[i] = k.display();
            displayOwners[i] = k.displayOwner();
            capabilities[i] = k.capability().name();
            outcomes[i] = k.outcome().name();
            reasons[i] = k.reason() == null ? null : k.reason().name();
            answers[i] = e.getValue().answers.get();
            lastAts[i] = Timestamp.from(Instant.ofEpochMilli(e.getValue().lastAt));
            i++;
        }
        try {
            // one statement over arrays (unnest) rather than a JDBC batch of one statement per row: a fifth of the
            // database's CPU per entry under the decision benchmark (docs/decision-api.md)
            jdbc.getJdbcTemplate().execute((ConnectionCallback<Integer>) con -> {
                try (PreparedStatement ps = con.prepareStatement("""
                        insert into device_access (minute, device_id, owner_account_id, display_device_id,
                                                   display_owner_account_id, capability, outcome, reason, answers, last_at)
                        select * from unnest(?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                                             ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::timestamptz[])
                        on conflict (device_id, owner_account_id, minute, display_device_id, display_owner_account_id,
                                     capability, outcome, reason)
                        do update set answers = device_access.answers + excluded.answers,
                                      last_at = greatest(device_access.last_at, excluded.last_at)""")) {
                    ps.setArray(1, con.createArrayOf("timestamptz", minutes));
                    ps.setArray(2, con.createArrayOf("bigint", devices));
                    ps.setArray(3, con.createArrayOf("bigint", owners));
                    ps.setArray(4, con.createArrayOf("bigint", displays));
                    ps.setArray(5, con.createArrayOf("bigint", displayOwners));
                    ps.setArray(6, con.createArrayOf("varchar", capabilities));
                    ps.setArray(7, con.createArrayOf("varchar", outcomes));
                    ps.setArray(8, con.createArrayOf("varchar", reasons));
                    ps.setArray(9, con.createArrayOf("bigint", answers));
                    ps.setArray(10, con.createArrayOf("timestamptz", lastAts));
                    return ps.executeUpdate();
                }
            });
        } catch (DataAccessException e) {
            dropped.increment(taken.values().stream().mapToLong(c -> c.answers.get()).sum());
            log.warn("Could not write {} access-history entries, dropped: {}", taken.size(), e.getMessage());
        }
    }
}
