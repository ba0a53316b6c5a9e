package io.bridgekeeper.scale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Appends valid, chained audit events in bulk: spread evenly over the past year, ten actions, six actors,
 * every vendor in turn (the shape AuditBenchmark has always measured). Each event's hash is computed
 * here, as {@code audit_event_hash} (V003) computes it: SHA-256 over the previous hash and the event's
 * fields joined by U+001F, time as UTC microseconds, jsonb in PostgreSQL's canonical text. The rows are
 * streamed in with binary COPY into the table without its secondary indexes ({@link DeferredIndexes}),
 * holding the chain's advisory lock and the table's lock, so nothing can interleave with the chain.
 *
 * <p>Before it commits, the first and last appended events are hashed again by {@code audit_event_hash}
 * itself: if the function and this class ever disagree, the seed fails instead of leaving a broken
 * chain behind.
 */
public final class ChainedAuditEvents {

    /** AuditLog's advisory lock key: appends to the one chain are serialized by it. */
    private static final long CHAIN_LOCK = 0x6175646974L;
    private static final String GENESIS = "0".repeat(64);
    private static final long YEAR_MICROS = TimeUnit.DAYS.toMicros(365);
    private static final String[] ACTIONS = {"DEVICE_UPSERTED", "LINK_CREATED", "LINK_ENDED", "API_KEY_CREATED",
            "ROLLOUT_STAGE_ADVANCED", "TELEMETRY_REPORTED", "VENDOR_UPDATED", "INCIDENT_NOTE_ADDED",
            "DEVICE_DISABLED", "WEBHOOK_ACKNOWLEDGED"};
    private static final String[] TARGETS = {"device", "account_link", "account_link", "vendor_api_key", "rollout",
            "telemetry", "vendor", "incident", "device", "webhook_delivery"};
    private static final String[] ACTORS = {"admin@bridgekeeper.test", "admin2@bridgekeeper.test",
            "partner@lumacam.test", "lumacam key 0a1b2c3d4e5f", "brightway key 9f8e7d6c5b4a",
            "system: rollout scheduler"};
    private static final String[] ACTOR_TYPES = {"ACCOUNT", "ACCOUNT", "ACCOUNT", "VENDOR_KEY", "VENDOR_KEY", "SYSTEM"};

    private ChainedAuditEvents() {
    }

    /** Appends {@code events} in one transaction of its own, printing its phases; for benchmarks. */
    public static void append(DataSource dataSource, int events) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            SeedPhases phases = new SeedPhases("audit");
            append(c, events, vendors(c), phases);
            System.out.println("  seed " + phases.summary());
        }
    }

    /** Every vendor's id in id order: the events name them in turn. */
    static long[] vendors(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from vendor order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Appends and commits on {@code c}; on failure rolls back, leaving table and chain as they were. */
    static void append(Connection c, int events, long[] vendors, SeedPhases phases) throws Exception {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            load(c, events, vendors, phases);
            phases.time("commit", "commit", () -> {
                c.commit();
                return null;
            });
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void load(Connection c, int events, long[] vendors, SeedPhases phases) throws Exception {
        List<String> tables = List.of("audit_event");
        long first;
        String prev;
        long startMicros;
        DeferredIndexes deferred;
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            BulkSession.prepare(s);
            s.execute("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")");
            s.execute("lock table audit_event in access exclusive mode");
            first = BulkSession.reserveIds(c, "audit_event", events);
            try (ResultSet rs = s.executeQuery("select hash from audit_event order by id desc limit 1")) {
                prev = rs.next() ? rs.getString(1) : GENESIS;
            }
            try (ResultSet rs = s.executeQuery("select (extract(epoch from now()) * 1000000)::bigint")) {
                rs.next();
                startMicros = rs.getLong(1) - YEAR_MICROS;
            }
            // the events span the past year: audit_event is partitioned by month (V121), each month needs its partition
            s.execute("select history_create_months('audit_event', to_timestamp(" + startMicros + " / 1000000.0))");
            deferred = DeferredIndexes.drop(c, tables);
        }
        phases.step("prepare", "lock the chain, drop indexes", -1, System.nanoTime() - t);

        String[] chain = {prev};
        phases.time("copy", "audit_event", () -> {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            HexFormat hex = HexFormat.of();
            try (BinaryCopy copy = BinaryCopy.into(c, "audit_event", "id", "occurred_at", "actor_type", "actor_id",
                    "actor_name", "action", "target_type", "target_id", "vendor_id", "before_state", "after_state",
                    "client_address", "prev_hash", "hash")) {
                long step = YEAR_MICROS / Math.max(1, events);
                for (int i = 1; i <= events; i++) {
                    int k = i % ACTIONS.length;
                    int a = (i / 7) % ACTORS.length;
                    long vendor = vendors[(i / 3) % vendors.length];
                    long at = startMicros + step * i;
                    String actorId = Integer.toString(a + 1);
                    String targetId = Integer.toString(i % 50_000);
                    String before = "{\"n\": " + (i - 1) + ", \"state\": \"ACTIVE\"}";
                    String after = "{\"n\": " + i + ", \"state\": \"" + (i % 5 == 0 ? "DISABLED" : "ACTIVE") + "\"}";
                    String client = "198.51.100." + (i % 250);
                    String hash = hex.formatHex(sha256.digest(String.join("\u001f", chain[0], Long.toString(at),
                            ACTOR_TYPES[a], actorId, ACTORS[a], ACTIONS[k], TARGETS[k], targetId,
                            Long.toString(vendor), before, after, client).getBytes(StandardCharsets.UTF_8)));
                    copy.row().int8(first + i - 1).timestamp(at).text(ACTOR_TYPES[a]).text(actorId).text(ACTORS[a])
                            .text(ACTIONS[k]).text(TARGETS[k]).text(targetId).int8(vendor).jsonb(before).jsonb(after)
                            .text(client).text(chain[0]).text(hash);
                    chain[0] = hash;
                }
                return copy.finish();
            }
        });

        phases.time("check", "first and last hash by audit_event_hash", () -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*) from audit_event
                    where id in (?, ?) and hash = audit_event_hash(prev_hash, occurred_at, actor_type, actor_id,
                        actor_name, action, target_type, target_id, vendor_id, before_state, after_state, client_address)
                    """)) {
                ps.setLong(1, first);
                ps.setLong(2, first + events - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (events > 0 && rs.getLong(1) != (events == 1 ? 1 : 2)) {
                        throw new IllegalStateException("audit_event_hash disagrees with the seed's hash: the chain "
                                + "would be broken (last hash here " + chain[0] + ")");
                    }
                }
            }
            return null;
        });
        deferred.buildIndexes(c, phases);
        deferred.addForeignKeys(c, phases);
    }
}
