package io.bridgekeeper.audit;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.db.MonthlyPartitions;
import io.bridgekeeper.base.db.MonthlyPartitions.Partition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit months leave the database only archived: the month's events are exported, oldest first, to a
 * JSON-lines file in {@code bridgekeeper.audit.archive-dir} (each line the row as PostgreSQL renders it,
 * in id order) with a manifest beside it; the manifest — the hash before the month (the anchor), the
 * month's last hash, its ids, row count and the file's SHA-256 — goes into {@code audit_archive} and into
 * an {@code AUDIT_MONTH_ARCHIVED} event of the live chain; only then is the partition detached and
 * dropped ({@code HISTORY_MONTH_DROPPED}). {@link AuditChain} verifies the archived months from their
 * files and continues the live chain from the last one.
 *
 * <p>A month is archived only when it is a whole segment at the start of the remaining chain: its first
 * event continues from the last archived month (or the genesis hash) and no later month holds a smaller
 * id. Otherwise it is kept and the refusal logged: a chain that is already broken is not carried out of
 * the database.
 */
@Component
class AuditArchive {

    private static final Logger log = LoggerFactory.getLogger(AuditArchive.class);
    static final String TABLE = "audit_event";
    private static final AuditActor ACTOR = AuditActor.system("audit archive");

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final AuditChain chain;
    private final MonthlyPartitions partitions;
    private final AuditArchiveFiles files;
    private final JsonMapper json;
    private final Clock clock;

    AuditArchive(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, AuditLog audit, AuditChain chain,
                 MonthlyPartitions partitions, AuditArchiveFiles files, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.tx = tx;
        this.audit = audit;
        this.chain = chain;
        this.partitions = partitions;
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    /** Whether archiving is configured (an archive directory); without it audit months stay in the database. */
    boolean enabled() {
        return files.dir().isPresent();
    }

    /** Archives, oldest first, every audit month that ended before {@code horizon}; the months archived. */
    List<YearMonth> archiveBefore(Instant horizon) {
        List<YearMonth> done = new ArrayList<>();
        if (!enabled()) {
            return done;
        }
        for (Partition p : partitions.list(TABLE)) {
            if (end(p.month()).isAfter(horizon) || !archive(p)) {
                break;
            }
            done.add(p.month());
        }
        return done;
    }

    private boolean archive(Partition p) {
        YearMonth month = p.month();
        Optional<ArchivedMonth> archived = chain.archivedMonths().stream().filter(a -> a.month().equals(month)).findFirst();
        if (archived.isEmpty()) {
            if (!p.attached()) {
                log.error("Audit partition {} is detached but was never archived; left in place", p.name());
                return false;
            }
            Optional<ArchivedMonth> exported = export(month);
            if (exported == null) {
                return false;
            }
            if (exported.isPresent()) {
                ArchivedMonth a = exported.get();
                tx.executeWithoutResult(s -> {
                    jdbc.update("""
                            insert into audit_archive (month, first_id, last_id, row_count, anchor_hash, last_hash,
                                                       file_name, file_sha256, archived_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, Date.valueOf(month.atDay(1)), a.firstId(), a.lastId(), a.rows(), a.anchorHash(),
                            a.lastHash(), a.fileName(), a.fileSha256(), Timestamp.from(a.archivedAt()));
                    audit.record(ACTOR, HistoryAuditAction.AUDIT_MONTH_ARCHIVED, "history_month",
                            MonthlyPartitions.name(TABLE, month), null, null, manifest(a));
                });
                log.info("Archived audit month {}: {} events to {}", month, a.rows(), a.fileName());
            }
        }
        long rows = p.attached() ? partitions.rows(TABLE, month) : -1;
        partitions.detach(TABLE, month);
        tx.executeWithoutResult(s -> {
            partitions.drop(TABLE, month);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("table", TABLE);
            after.put("month", month.toString());
            if (rows >= 0) {
                after.put("rows", rows);
            }
            after.put("archived", archived.isPresent() || rows > 0);
            audit.record(ACTOR, HistoryAuditAction.HISTORY_MONTH_DROPPED, "history_month",
                    MonthlyPartitions.name(TABLE, month), null, null, after);
        });
        return true;
    }

    /**
     * Writes the month's file and manifest; empty when the month has no events (nothing to archive), null
     * when it must not be archived (not a whole segment at the start of the remaining chain).
     */
    private Optional<ArchivedMonth> export(YearMonth month) {
        String partition = MonthlyPartitions.name(TABLE, month);
        Map<String, Object> stats = jdbc.queryForMap(
                "select count(*) as n, min(id) as first_id, max(id) as last_id from " + partition);
        long n = ((Number) stats.get("n")).longValue();
        if (n == 0) {
            return Optional.empty();
        }
        long firstId = (Long) stats.get("first_id");
        long lastId = (Long) stats.get("last_id");
        Long interleaved = jdbc.queryForObject("select count(*) from audit_event where id < ? and occurred_at >= ?",
                Long.class, lastId, Timestamp.from(end(month)));
        if (interleaved > 0) {
            log.warn("Audit month {} is not archived: {} later events have smaller ids than its last", month, interleaved);
            return null;
        }
        String anchor = jdbc.queryForObject("select prev_hash from " + partition + " where id = ?", String.class, firstId);
        List<ArchivedMonth> before = chain.archivedMonths();
        String expected = before.isEmpty() ? AuditLog.GENESIS : before.getLast().lastHash();
        if (!anchor.equals(expected)) {
            log.error("Audit month {} is not archived: its first event {} does not continue the chain", month, firstId);
            return null;
        }
        String lastHash = jdbc.queryForObject("select hash from " + partition + " where id = ?", String.class, lastId);
        Path dir = files.dir().orElseThrow();
        String fileName = AuditArchiveFiles.fileName(month);
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(fileName + ".partial");
            MessageDigest digest = AuditArchiveFiles.digest();
            long[] written = {0};
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest);
                 Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                // inside a transaction, so the driver streams the month through a cursor
                tx.executeWithoutResult(s -> streaming.query("select to_jsonb(a)::text as line from " + partition
                        + " a order by id", rs -> {
                    try {
                        w.write(rs.getString("line"));
                        w.write('\n');
                        written[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            if (written[0] != n) {
                throw new IllegalStateException("audit month " + month + " changed while archiving");
            }
            Files.move(partial, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ArchivedMonth a = new ArchivedMonth(month, firstId, lastId, n, anchor, lastHash, fileName,
                    HexFormat.of().formatHex(digest.digest()), clock.instant());
            Files.writeString(dir.resolve(fileName.replace(".jsonl", ".manifest.json")),
                    json.writeValueAsString(manifest(a)) + "\n");
            return Optional.of(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> manifest(ArchivedMonth a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("month", a.month().toString());
        m.put("file", a.fileName());
        m.put("sha256", a.fileSha256());
        m.put("rows", a.rows());
        m.put("firstId", a.firstId());
        m.put("lastId", a.lastId());
        m.put("anchorHash", a.anchorHash());
        m.put("lastHash", a.lastHash());
        m.put("archivedAt", a.archivedAt().toString());
        return m;
    }

    static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
