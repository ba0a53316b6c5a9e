package io.bridgekeeper.audit;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.db.HistoryMonthsAtMigrate;
import io.bridgekeeper.base.db.MonthlyHistory;
import io.bridgekeeper.base.db.MonthlyPartitions;
import io.bridgekeeper.base.db.MonthlyPartitions.Partition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the partitioned histories (V121) in shape, once across the nodes (ShedLock): creates each
 * history's month partitions up to {@code bridgekeeper.retention.months-ahead} ahead, drops the
 * months that ended longer ago than the history's {@link MonthlyHistory#keep()}, and hands the audit log's
 * old months to {@link AuditArchive} instead (archived, never dropped unarchived). Every partition created,
 * archived or dropped is an audit event. Also runs once at start, before anything writes, so a fresh
 * database (or a node started after a long outage) has this month's partitions; before that, right after
 * Flyway's migration, {@link HistoryMonthsAtMigrate} creates them, since some beans write the audit log
 * while the application starts, and this run records what it created.
 */
@Component
public class HistoryRetention implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);
    private static final AuditActor ACTOR = AuditActor.system("history retention");
    /** Serializes partition creation across nodes starting at once (the scheduled run holds the ShedLock). */
    private static final long CREATE_LOCK = 0x6869737479L; // "histy"

    private final List<MonthlyHistory> histories;
    private final MonthlyPartitions partitions;
    private final AuditArchive archive;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int monthsAhead;
    private final HistoryMonthsAtMigrate atMigrate;
    private final Map<String, List<Partition>> state = new ConcurrentHashMap<>();

    HistoryRetention(List<MonthlyHistory> histories, MonthlyPartitions partitions, AuditArchive archive, AuditLog audit,
                     JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, MeterRegistry registry,
                     HistoryMonthsAtMigrate atMigrate,
                     @Value("${bridgekeeper.retention.months-ahead:3}") int monthsAhead) {
        this.atMigrate = atMigrate;
        this.histories = histories;
        this.partitions = partitions;
        this.archive = archive;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
        for (MonthlyHistory h : histories) {
            Gauge.builder("bridgekeeper.history.partitions", () -> attached(h.table()).size())
                    .description("Month partitions attached to the history table").tag("table", h.table())
                    .register(registry);
            Gauge.builder("bridgekeeper.history.bytes",
                            () -> attached(h.table()).stream().mapToLong(Partition::bytes).sum())
                    .description("Size of the history table's attached partitions").baseUnit("bytes")
                    .tag("table", h.table()).register(registry);
            Gauge.builder("bridgekeeper.history.months.ahead", () -> monthsAheadOf(h.table()))
                    .description("Months after the current one that already have a partition").tag("table", h.table())
                    .register(registry);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        createAhead();
    }

    /** Once an hour (cheap when there is nothing to do), on one node. */
    @Scheduled(fixedDelayString = "${bridgekeeper.retention.interval:PT1H}",
            initialDelayString = "${bridgekeeper.retention.initial-delay:PT2M}")
    @SchedulerLock(name = "history-retention", lockAtMostFor = "PT1H")
    public synchronized void run() {
        createAhead();
        applyRetention();
    }

    /** The partitions of each history as last seen, for operators (metrics, the {@code history} endpoint). */
    public Map<String, List<Partition>> state() {
        Map<String, List<Partition>> copy = new LinkedHashMap<>();
        histories.forEach(h -> copy.put(h.table(), state.getOrDefault(h.table(), List.of())));
        return copy;
    }

    public List<MonthlyHistory> histories() {
        return histories;
    }

    /**
     * Creates the partitions from last month (or, for a dropped history, the oldest month it keeps) to
     * {@code months-ahead} after this one; the names created.
     */
    public synchronized List<String> createAhead() {
        List<String> created = tx.execute(s -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", CREATE_LOCK);
            List<String> names = new ArrayList<>(atMigrate.takeCreated());
            for (MonthlyHistory h : histories) {
                for (YearMonth m : h.monthsToHave(clock.instant(), monthsAhead)) {
                    if (partitions.create(h.table(), m)) {
                        names.add(MonthlyPartitions.name(h.table(), m));
                    }
                }
            }
            if (!names.isEmpty()) {
                audit.record(ACTOR, HistoryAuditAction.HISTORY_MONTHS_CREATED, "history_month", null, null, null,
                        Map.of("partitions", names));
            }
            return names;
        });
        if (!created.isEmpty()) {
            log.info("Created history partitions {}", created);
        }
        refresh();
        return created;
    }

    /**
     * Drops (after detaching) every month that ended longer ago than its history keeps it, and archives the
     * audit log's; the partitions that left the database.
     */
    public synchronized List<String> applyRetention() {
        Instant now = clock.instant();
        List<String> gone = new ArrayList<>();
        for (MonthlyHistory h : histories) {
            Instant horizon = now.minus(h.keep());
            if (h.archived()) {
                archive.archiveBefore(horizon).forEach(m -> gone.add(MonthlyPartitions.name(h.table(), m)));
                continue;
            }
            for (Partition p : partitions.list(h.table())) {
                if (AuditArchive.end(p.month()).isAfter(horizon)) {
                    break;
                }
                drop(h, p);
                gone.add(p.name());
            }
        }
        refresh();
        return gone;
    }

    private void drop(MonthlyHistory h, Partition p) {
        long rows = p.attached() ? partitions.rows(h.table(), p.month()) : -1;
        partitions.detach(h.table(), p.month());
        tx.executeWithoutResult(s -> {
            partitions.drop(h.table(), p.month());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("table", h.table());
            after.put("month", p.month().toString());
            if (rows >= 0) {
                after.put("rows", rows);
            }
            after.put("keep", h.keep().toString());
            audit.record(ACTOR, HistoryAuditAction.HISTORY_MONTH_DROPPED, "history_month", p.name(), null, null, after);
        });
        log.info("Dropped history partition {} ({} rows, kept {})", p.name(), rows, h.keep());
    }

    private void refresh() {
        histories.forEach(h -> state.put(h.table(), partitions.list(h.table())));
    }

    private List<Partition> attached(String table) {
        return state.getOrDefault(table, List.of()).stream().filter(Partition::attached).toList();
    }

    private long monthsAheadOf(String table) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        return attached(table).stream().map(Partition::month).filter(m -> m.isAfter(now))
                .mapToLong(m -> now.until(m, java.time.temporal.ChronoUnit.MONTHS)).max().orElse(0);
    }
}
