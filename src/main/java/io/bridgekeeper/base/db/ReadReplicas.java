package io.bridgekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Authorization's device and link reads on PostgreSQL streaming replicas ({@code bridgekeeper.db.replica-urls},
 * {@code DB_REPLICA_URLS}), never staler than the primary as the household was told. PostgreSQL does
 * the work: with replicas configured every commit of this app waits until the synchronous standbys have
 * applied it ({@code synchronous_commit = remote_apply} on each connection of the primary's pool), so an
 * unlink's "done" comes after the replicas show it. This class only decides, every
 * {@code bridgekeeper.db.replica-check-interval}, which replicas every commit waits for, and reads from
 * those alone:
 *
 * <ul>
 *   <li>the primary lists the replica (by the {@code application_name} of its {@code primary_conninfo})
 *       in {@code pg_stat_replication} as {@code streaming} and {@code sync} or {@code quorum};</li>
 *   <li>the primary waits for every standby it may choose from: {@code synchronous_standby_names} asks
 *       for {@code k} and at most {@code k} standbys are candidates. With {@code ANY 1 (a, b)} a commit
 *       may be applied on one of two, so neither serves decision reads;</li>
 *   <li>its replay position (asked of the replica itself) has reached the primary's flushed WAL position at
 *       the check that first saw it synchronous: a replica that joins (or comes back) serves from a later
 *       check on, once what was committed before it joined is applied too;</li>
 *   <li>the replica answers, is in recovery and streams from the primary.</li>
 * </ul>
 *
 * A replica that fails a read is out at once (the read is made on the primary instead) until two checks
 * admit it again; when the check itself cannot run (the primary is away), every replica is out after
 * three intervals. With no replica serving, the reads go to the primary, as without replicas.
 */
@Component
public class ReadReplicas implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicas.class);

    /** What one replica is now, for health and logs. */
    public record ReplicaStatus(String url, String name, boolean serving, String reason) {
    }

    /** The application's template: a read on the primary behaves as it did without replicas. */
    private final JdbcTemplate primary;
    /** The checks' own, bounded: a primary that does not answer in a second counts as unreachable. */
    private final JdbcTemplate checks;
    private final List<Replica> replicas = new ArrayList<>();
    private final Duration interval;
    private final AtomicInteger next = new AtomicInteger();
    private final Counter primaryReads;
    private final Counter replicaReads;
    private final Counter fallbacks;
    private volatile long leaseUntil = Long.MIN_VALUE;
    private volatile ScheduledExecutorService checker;

    ReadReplicas(JdbcTemplate jdbc, DatabaseMode mode,
                 @Value("${bridgekeeper.db.replica-urls:}") List<String> urls,
                 @Value("${bridgekeeper.db.user:postgres}") String user,
                 @Value("${bridgekeeper.db.password:}") String password,
                 @Value("${bridgekeeper.db.replica-pool-size:10}") int poolSize,
                 @Value("${bridgekeeper.db.replica-check-interval:100ms}") Duration interval,
                 MeterRegistry meters) {
        this.primary = jdbc;
        this.checks = new JdbcTemplate(jdbc.getDataSource());
        this.checks.setQueryTimeout(1);
        this.interval = interval;
        List<String> configured = urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        for (int i = 0; i < configured.size(); i++) {
            // a typo stops the start with its name, rather than leaving a replica that silently never serves
            if (org.postgresql.Driver.parseURL(configured.get(i), null) == null) {
                throw new IllegalArgumentException("DB_REPLICA_URLS: entry " + (i + 1) + ", '" + configured.get(i)
                        + "', is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
            }
        }
        if (mode == DatabaseMode.EMBEDDED && !configured.isEmpty()) {
            log.warn("Replica URLs are ignored on the embedded database: set DB_URL to the primary they stream from");
        } else {
            for (String url : configured) {
                replicas.add(new Replica(url, pool(url, user, password, poolSize, replicas.size() + 1)));
            }
        }
        this.primaryReads = Counter.builder("bridgekeeper.db.decision.reads").tag("on", "primary")
                .description("Authorization device reads, by where they were made").register(meters);
        this.replicaReads = Counter.builder("bridgekeeper.db.decision.reads").tag("on", "replica")
                .description("Authorization device reads, by where they were made").register(meters);
        this.fallbacks = Counter.builder("bridgekeeper.db.replica.fallbacks")
                .description("Reads that failed on a replica and were made on the primary").register(meters);
        Gauge.builder("bridgekeeper.db.replicas.serving", this, r -> r.status().stream().filter(ReplicaStatus::serving).count())
                .description("Replicas that serve decision reads now").register(meters);
    }

    private static HikariDataSource pool(String url, String user, String password, int size, int n) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setPoolName("bridgekeeper-replica-" + n);
        ds.setMaximumPoolSize(size);
        ds.setMinimumIdle(0);
        // a replica that cannot be reached costs a read 250 ms at most, then the primary answers
        ds.setConnectionTimeout(250);
        ds.setValidationTimeout(250);
        ds.addDataSourceProperty("connectTimeout", "1");
        // nor can a replica that stopped answering hold a read: it fails and is made on the primary
        ds.addDataSourceProperty("socketTimeout", "2");
        ds.setReadOnly(true);
        // the pool opens its connections when first asked, so a replica down at start does not stop the node
        ds.setInitializationFailTimeout(-1);
        return ds;
    }

    /**
     * Runs an authorization's read on a replica that serves, or on the primary when none does or the
     * replica's read fails.
     */
    public <T> T decisionRead(Function<JdbcTemplate, T> read) {
        Replica replica = pick();
        if (replica != null) {
            try {
                T result = read.apply(replica.jdbc);
                replicaReads.increment();
                return result;
            } catch (DataAccessException e) {
                replica.out("a read failed: " + describe(e));
                fallbacks.increment();
            }
        }
        T result = read.apply(primary);
        primaryReads.increment();
        return result;
    }

    private Replica pick() {
        if (replicas.isEmpty() || System.nanoTime() - leaseUntil > 0) {
            return null;
        }
        int size = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Replica r = replicas.get((start + i) % size);
            if (r.serving) {
                return r;
            }
        }
        return null;
    }

    public List<ReplicaStatus> status() {
        boolean leased = System.nanoTime() - leaseUntil < 0;
        return replicas.stream().map(r -> new ReplicaStatus(r.url, r.name, leased && r.serving,
                leased || !r.serving ? r.reason : "the primary could not be asked which replicas are synchronous")).toList();
    }

    /** A standby as the primary lists it in {@code pg_stat_replication}. */
    record Standby(String name, String state, String syncState) {
    }

    /** One check: which replicas every commit waits for now. */
    void check() {
        long started = System.nanoTime();
        List<Standby> standbys;
        SynchronousStandbys sync;
        long primaryLsn;
        try {
            standbys = checks.query("""
                    select application_name, state, sync_state from pg_stat_replication
                    """, (rs, i) -> new Standby(rs.getString(1), rs.getString(2), rs.getString(3)));
            // read after the standbys: every commit acknowledged before a replica was seen synchronous was flushed
            // below it
            var row = checks.queryForMap("""
                    select pg_is_in_recovery() as standby, current_setting('synchronous_standby_names') as names,
                           (pg_current_wal_flush_lsn() - '0/0'::pg_lsn)::bigint as lsn
                    """);
            if (Boolean.TRUE.equals(row.get("standby"))) {
                replicas.forEach(r -> r.out("the configured primary is itself a standby"));
                return;
            }
            sync = SynchronousStandbys.parse((String) row.get("names"));
            primaryLsn = ((Number) row.get("lsn")).longValue();
        } catch (DataAccessException e) {
            log.debug("Replica check: the primary cannot be asked: {}", describe(e));
            return; // the lease runs out: no replica serves once the check has failed for three intervals
        }
        long candidates = standbys.stream().filter(s -> !"async".equals(s.syncState())).count();
        for (Replica r : replicas) {
            r.check(standbys, sync, candidates, primaryLsn);
        }
        leaseUntil = started + 3 * interval.toNanos();
    }

    @Override
    public void start() {
        if (replicas.isEmpty() || checker != null) {
            return;
        }
        checker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replica-check").factory());
        checker.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("Replica check failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checker;
        checker = null;
        if (running != null) {
            running.shutdownNow();
        }
        leaseUntil = Long.MIN_VALUE;
        replicas.forEach(r -> r.pool.close());
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }

    private static String describe(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One configured replica: its pool and whether it serves. */
    private static final class Replica {
        final String url;
        final HikariDataSource pool;
        /** Reads: bounded by the pool's socket timeout, without a timer per statement. */
        final JdbcTemplate jdbc;
        final JdbcTemplate checks;
        volatile String name;
        volatile boolean serving;
        volatile String reason = "not checked yet";
        /** The primary's WAL position when this replica was first seen synchronous, or -1. */
        volatile long joinedAt = -1;

        Replica(String url, HikariDataSource pool) {
            this.url = url;
            this.pool = pool;
            this.jdbc = new JdbcTemplate(pool);
            this.checks = new JdbcTemplate(pool);
            this.checks.setQueryTimeout(1);
        }

        void out(String why) {
            if (serving) {
                log.warn("Replica {} ({}) stops serving decision reads: {}", name, url, why);
            }
            serving = false;
            joinedAt = -1;
            reason = why;
        }

        void check(List<Standby> standbys, SynchronousStandbys sync, long candidates, long primaryLsn) {
            long replayed;
            try {
                var self = checks.queryForMap("""
                        select pg_is_in_recovery() as standby,
                               (select substring(conninfo from 'application_name=([^ ]+)') from pg_stat_wal_receiver) as name,
                               coalesce(pg_last_wal_replay_lsn() - '0/0'::pg_lsn, -1)::bigint as replayed
                        """);
                if (!Boolean.TRUE.equals(self.get("standby"))) {
                    out("it is not a standby (promoted?)");
                    return;
                }
                name = (String) self.get("name");
                replayed = ((Number) self.get("replayed")).longValue();
            } catch (DataAccessException e) {
                out("it cannot be reached: " + describe(e));
                return;
            }
            if (name == null) {
                out("it does not stream from a primary");
                return;
            }
            List<Standby> mine = standbys.stream().filter(s -> name.toLowerCase(Locale.ROOT)
                    .equals(s.name() == null ? null : s.name().toLowerCase(Locale.ROOT))).toList();
            if (mine.size() != 1) {
                out(mine.isEmpty() ? "the primary does not list it as a standby"
                        : "the primary lists more than one standby named " + name);
                return;
            }
            Standby s = mine.getFirst();
            if (!"streaming".equals(s.state())) {
                out("it is " + s.state());
            } else if (!"sync".equals(s.syncState()) && !"quorum".equals(s.syncState())) {
                out("commits do not wait for it (" + s.syncState() + ")");
            } else if (candidates > sync.waitFor()) {
                out("commits wait for " + sync.waitFor() + " of " + candidates + " standbys, so maybe not for it");
            } else if (joinedAt < 0) {
                joinedAt = primaryLsn;
                reason = "joining: it serves once it has replayed what was committed before it joined";
            } else if (replayed < joinedAt) {
                reason = "joining: replaying";
            } else {
                if (!serving) {
                    log.info("Replica {} ({}) serves decision reads", name, url);
                }
                serving = true;
                reason = "every commit waits until it has applied it";
            }
        }
    }
}
