package io.bridgekeeper.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds a large data set: {@code households} households, each with one platform display and one vendor
 * link with four devices of that vendor (so 5 devices per household: 1,000,000 for 200,000 households),
 * one ownership row per device, and {@link ChainedAuditEvents valid chained audit events} (5 per
 * household by default: 1,000,000). All rows are marked {@code bench} so they never collide with the
 * demo data.
 *
 * <p>What the benchmarks rely on: household {@code n} (1-based) is {@code bench<n, 7 digits>@example.com};
 * its platform display is {@code bench-display-<account id>}; its vendor account is {@code bench-<n>} at
 * the active demo vendor number {@code n % 4} by id (LumaCam for {@code n % 4 == 0}), linked
 * {@code n % 700} days ago, and its devices are {@code bench-<n>-1} … {@code bench-<n>-4}, the fourth one
 * DISABLED on every tenth link (link id divisible by 10).
 *
 * <p>How it loads: the rows are generated here and streamed in with binary COPY ({@link BinaryCopy}) into
 * tables whose secondary indexes, unique constraints and foreign keys were dropped
 * ({@link DeferredIndexes}) and whose portal-change triggers are off ({@link PortalChangeTriggers}); then
 * the indexes are built from their catalog definitions, the foreign keys added back (checking every row)
 * and the triggers' notifications sent. Households and devices are one transaction, the audit chain
 * another, run side by side on two connections (this machine has two cores); each part then vacuums
 * (so index-only reads work at once, V070) and analyzes its tables, and the rest of the database is
 * analyzed, as the seed always did. Every step's time is printed ({@code seed <part> <phase> ...}) and
 * each phase's total at the end.
 */
public final class LargeDataSet {

    static final List<String> HOUSEHOLD_TABLES = List.of("account", "account_role", "account_link",
            "link_epoch_event", "device", "device_ownership");
    private static final long DAY_MICROS = TimeUnit.DAYS.toMicros(1);
    /** The four active demo vendors, whose turn a household takes by {@code n % 4}, with the kind of device each makes. */
    private static final Map<String, String[]> KINDS = Map.of("lumacam", new String[] {"CAMERA", "Camera"},
            "brightway", new String[] {"LIGHT", "Light"}, "ironbolt", new String[] {"LOCK", "Lock"},
            "sensora", new String[] {"SENSOR", "Sensor"});

    private LargeDataSet() {
    }

    /** The size the benchmarks use: {@code BENCH_HOUSEHOLDS}, 200,000 by default (1,000,000 devices). */
    public static int households() {
        return Integer.parseInt(System.getenv().getOrDefault("BENCH_HOUSEHOLDS", "200000"));
    }

    /** {@code BENCH_AUDIT_EVENTS}, by default 5 per household (1,000,000 for 200,000 households). */
    public static int auditEvents(int households) {
        String set = System.getenv("BENCH_AUDIT_EVENTS");
        return set == null ? households * 5 : Integer.parseInt(set);
    }

    /**
     * Seeds unless this database already holds the data set: benchmarks that share one test context (one
     * embedded PostgreSQL) in a run seed it once.
     */
    public static void seedOnce(JdbcTemplate jdbc, int households) {
        Integer seeded = jdbc.queryForObject("select count(*) from account where email like 'bench%@example.com'",
                Integer.class);
        if (seeded == null || seeded == 0) {
            seed(jdbc, households, auditEvents(households));
        }
    }

    /** How long the seed took, in all and by phase (phase totals of the two parts overlap in time). */
    public record Seeded(long millis, String phases) {
    }

    public static Seeded seed(JdbcTemplate jdbc, int households, int auditEvents) {
        try {
            return seed(jdbc.getDataSource(), households, auditEvents);
        } catch (Exception e) {
            throw new IllegalStateException("The large seed failed", e);
        }
    }

    private static Seeded seed(DataSource dataSource, int households, int auditEvents) throws Exception {
        long started = System.nanoTime();
        SeedPhases homes = new SeedPhases("households");
        SeedPhases audit = new SeedPhases("audit");
        SeedPhases rest = new SeedPhases("rest");
        // both connections first: once the seed holds its locks, the application's sessions wait for them
        try (Connection homesConnection = dataSource.getConnection();
             Connection auditConnection = dataSource.getConnection();
             ExecutorService parts = Executors.newFixedThreadPool(2)) {
            long[] vendors = ChainedAuditEvents.vendors(auditConnection);
            // the households part is the longer one: once the audit part is done, its index builds take the free cores
            AtomicInteger busy = new AtomicInteger(BulkSession.PARTS);
            List<Future<?>> running = new ArrayList<>();
            running.add(parts.submit(() -> {
                try {
                    seedHouseholds(homesConnection, households, homes, () -> BulkSession.workers(busy.get()));
                    settle(homesConnection, HOUSEHOLD_TABLES, homes);
                } finally {
                    busy.decrementAndGet();
                }
                return null;
            }));
            running.add(parts.submit(() -> {
                try {
                    ChainedAuditEvents.append(auditConnection, auditEvents, vendors, audit);
                    settle(auditConnection, List.of("audit_event"), audit);
                } finally {
                    busy.decrementAndGet();
                }
                return null;
            }));
            for (Future<?> part : running) {
                part.get();
            }
            // the rest of the database too, as the seed always did (a database-wide analyze); not the partitions of
            // a loaded table, which its own analyze has just done
            try (PreparedStatement ps = homesConnection.prepareStatement("""
                    select string_agg(relid::regclass::text, ', ') from pg_stat_user_tables
                    where coalesce(pg_partition_root(relid), relid) <> all (?::regclass[])
                    """)) {
                List<String> loaded = new ArrayList<>(HOUSEHOLD_TABLES);
                loaded.add("audit_event");
                ps.setArray(1, homesConnection.createArrayOf("text", loaded.toArray()));
                try (ResultSet rs = ps.executeQuery(); Statement s = homesConnection.createStatement()) {
                    rs.next();
                    String others = rs.getString(1);
                    if (others != null) {
                        rest.time("analyze", "the other tables", () -> s.execute("analyze " + others));
                    }
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String phases = homes.summary() + "; " + audit.summary() + "; " + rest.summary();
        System.out.printf("  seed phases: %s%n  seed total: %,d households, %,d audit events in %,d ms%n", phases,
                households, auditEvents, millis);
        return new Seeded(millis, phases);
    }

    /**
     * As after any bulk load: the visibility map set now rather than by autovacuum at some moment of a
     * benchmark run (index-only reads need it, V070), and statistics for the planner.
     */
    private static void settle(Connection c, List<String> tables, SeedPhases phases) throws Exception {
        try (Statement s = c.createStatement()) {
            phases.time("vacuum", String.join(", ", tables), () -> s.execute("vacuum " + String.join(", ", tables)));
            phases.time("analyze", String.join(", ", tables), () -> s.execute("analyze " + String.join(", ", tables)));
        }
    }

    /** The households, their links and devices in one transaction; committed, or rolled back on failure. */
    static void seedHouseholds(Connection c, int households, SeedPhases phases) throws Exception {
        seedHouseholds(c, households, phases, () -> BulkSession.workers(BulkSession.PARTS));
    }

    /** As above; {@code workers} says before each index build how many parallel workers it may start. */
    static void seedHouseholds(Connection c, int households, SeedPhases phases, IntSupplier workers) throws Exception {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            loadHouseholds(c, households, phases, workers);
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

    private static void loadHouseholds(Connection c, int n, SeedPhases phases, IntSupplier workers) throws Exception {
        long t = System.nanoTime();
        long now;
        String hash;
        long[] vendorByTurn = new long[4];
        String[][] kindByTurn = new String[4][];
        long account;
        long link;
        long epochEvent;
        long device;
        long ownership;
        DeferredIndexes deferred;
        PortalChangeTriggers triggers;
        try (Statement s = c.createStatement()) {
            BulkSession.prepare(s);
            List<String> locked = new ArrayList<>(HOUSEHOLD_TABLES);
            locked.addAll(DeferredIndexes.referencedTables(c, HOUSEHOLD_TABLES));
            s.execute("lock table " + String.join(", ", locked) + " in access exclusive mode");
            try (ResultSet rs = s.executeQuery("""
                    select (extract(epoch from now()) * 1000000)::bigint,
                           (select password_hash from account order by id limit 1)
                    """)) {
                rs.next();
                now = rs.getLong(1);
                hash = rs.getString(2);
            }
            try (ResultSet rs = s.executeQuery("""
                    select id, slug from vendor where slug in ('lumacam', 'brightway', 'ironbolt', 'sensora') order by id
                    """)) {
                for (int k = 0; k < 4; k++) {
                    if (!rs.next()) {
                        throw new IllegalStateException("The seed needs the four active demo vendors");
                    }
                    vendorByTurn[k] = rs.getLong(1);
                    kindByTurn[k] = KINDS.get(rs.getString(2));
                }
            }
            account = BulkSession.reserveIds(c, "account", n);
            link = BulkSession.reserveIds(c, "account_link", n);
            epochEvent = BulkSession.reserveIds(c, "link_epoch_event", n);
            device = BulkSession.reserveIds(c, "device", 5L * n);
            ownership = BulkSession.reserveIds(c, "device_ownership", 5L * n);
            deferred = DeferredIndexes.drop(c, HOUSEHOLD_TABLES);
            triggers = PortalChangeTriggers.disable(c, HOUSEHOLD_TABLES);
        }
        phases.step("prepare", "lock, reserve ids, drop indexes and keys", -1, System.nanoTime() - t);

        // account n has id account + n - 1, its link link + n - 1; its display is device + n - 1 and its
        // vendor device s is device + n + 4 (n - 1) + s - 1 (displays first, then each link's four devices)
        phases.time("copy", "account", () -> {
            try (BinaryCopy copy = BinaryCopy.into(c, "account", "id", "email", "display_name", "password_hash",
                    "kind", "created_at")) {
                for (int h = 1; h <= n; h++) {
                    copy.row().int8(account + h - 1).text("bench%07d@example.com".formatted(h))
                            .text("Bench household " + h).text(hash).text("HOUSEHOLD").timestamp(now);
                }
                return copy.finish();
            }
        });
        phases.time("copy", "account_role", () -> {
            try (BinaryCopy copy = BinaryCopy.into(c, "account_role", "account_id", "role")) {
                for (int h = 1; h <= n; h++) {
                    copy.row().int8(account + h - 1).text("END_USER");
                }
                return copy.finish();
            }
        });
        phases.time("copy", "account_link", () -> {
            try (BinaryCopy copy = BinaryCopy.into(c, "account_link", "id", "account_id", "vendor_id",
                    "external_account_id", "status", "epoch", "linked_at")) {
                for (int h = 1; h <= n; h++) {
                    copy.row().int8(link + h - 1).int8(account + h - 1).int8(vendorByTurn[h % 4]).text("bench-" + h)
                            .text("LIVE").int4(1).timestamp(linkedAt(now, h));
                }
                return copy.finish();
            }
        });
        phases.time("copy", "link_epoch_event", () -> {
            try (BinaryCopy copy = BinaryCopy.into(c, "link_epoch_event", "id", "link_id", "epoch", "event",
                    "occurred_at", "actor_id")) {
                for (int h = 1; h <= n; h++) {
                    copy.row().int8(epochEvent + h - 1).int8(link + h - 1).int4(1).text("LINKED")
                            .timestamp(linkedAt(now, h)).int8(account + h - 1);
                }
                return copy.finish();
            }
        });
        phases.time("copy", "device", () -> {
            try (BinaryCopy copy = BinaryCopy.into(c, "device", "id", "vendor_id", "vendor_device_id", "kind", "name",
                    "owner_account_id", "link_id", "state", "owner_since")) {
                for (int h = 1; h <= n; h++) {
                    long owner = account + h - 1;
                    copy.row().int8(device + h - 1).nul().text("bench-display-" + owner).text("DISPLAY")
                            .text("Kitchen display").int8(owner).nul().text("ACTIVE").timestamp(now);
                }
                for (int h = 1; h <= n; h++) {
                    long linkId = link + h - 1;
                    String[] kind = kindByTurn[h % 4];
                    for (int s = 1; s <= 4; s++) {
                        copy.row().int8(device + n + 4L * (h - 1) + s - 1).int8(vendorByTurn[h % 4])
                                .text("bench-" + h + "-" + s).text(kind[0]).text(kind[1] + " " + s)
                                .int8(account + h - 1).int8(linkId)
                                .text(s == 4 && linkId % 10 == 0 ? "DISABLED" : "ACTIVE").timestamp(linkedAt(now, h));
                    }
                }
                return copy.finish();
            }
        });
        phases.time("copy", "device_ownership", () -> {
            try (BinaryCopy copy = BinaryCopy.into(c, "device_ownership", "id", "device_id", "owner_account_id",
                    "link_id", "link_epoch", "started_at", "start_reason")) {
                for (int h = 1; h <= n; h++) {
                    copy.row().int8(ownership + h - 1).int8(device + h - 1).int8(account + h - 1).nul().nul()
                            .timestamp(now).text("CREATED");
                }
                for (int h = 1; h <= n; h++) {
                    for (int s = 1; s <= 4; s++) {
                        long offset = n + 4L * (h - 1) + s - 1;
                        copy.row().int8(ownership + offset).int8(device + offset).int8(account + h - 1)
                                .int8(link + h - 1).int4(1).timestamp(linkedAt(now, h)).text("LINKED");
                    }
                }
                return copy.finish();
            }
        });

        // the foreign keys and notifications first (they need no secondary index: the keys check against the
        // referenced tables' primary keys), the index builds last, when the audit part may have left a core free
        deferred.addForeignKeys(c, phases);
        Map<String, long[]> loaded = new LinkedHashMap<>();
        loaded.put("account_link", new long[] {link, link + n - 1});
        loaded.put("device", new long[] {device, device + 5L * n - 1});
        phases.time("notify", "portal changes of the loaded rows", () -> triggers.enableAndAnnounce(c, loaded));
        deferred.buildIndexes(c, phases, workers);
    }

    /** Household {@code h}'s link was made {@code h % 700} days before the seed. */
    private static long linkedAt(long nowMicros, int h) {
        return nowMicros - (h % 700) * DAY_MICROS;
    }
}
