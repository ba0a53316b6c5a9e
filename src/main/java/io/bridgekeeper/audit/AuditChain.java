package io.bridgekeeper.audit;

import io.bridgekeeper.audit.ChainVerification.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifies the hash chain in one pass inside PostgreSQL: each event's hash is recomputed with the
 * same function that wrote it ({@code audit_event_hash}) and its prev_hash compared with the hash of
 * the event before it (a window function), so millions of rows never travel to the JVM. Used by
 * the admin's button ({@link AuditVerification}) and by the {@code --audit-verify} command.
 *
 * <p>Months archived out of the database ({@link AuditArchive}) are verified first, oldest first, from
 * their files: each file must still have the SHA-256 recorded in {@code audit_archive}, its first event must
 * continue from the month before (the anchor) and every event in it must hash as it did. The events still in
 * the table then continue from the last archived month's last hash instead of the genesis hash, so the
 * chain is one chain across archive boundaries, and a missing month, a missing or edited file breaks it.
 */
@Component
class AuditChain {

    /** Archived events are checked this many at a time (one statement each). */
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditArchiveFiles files;

    AuditChain(JdbcTemplate jdbc, Clock clock, AuditArchiveFiles files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.files = files;
    }

    private record Broken(long id, Problem problem) {
    }

    /** What the archived months proved: the hash the live chain continues from, and how much was checked. */
    private record Archived(String lastHash, long checked, Long lastId, long lastIdArchived, Broken broken) {
    }

    ChainVerification verify() {
        long started = clock.millis();
        Archived archived = verifyArchives();
        if (archived.broken() != null) {
            return new ChainVerification(archived.checked() + 1, archived.lastId(), archived.broken().id(),
                    archived.broken().problem(), clock.millis() - started);
        }
        Broken broken = jdbc.query("""
                with chain as (
                    select id, prev_hash, hash,
                           coalesce(lag(hash) over (order by id), ?) as expected_prev,
                           audit_event_hash(prev_hash, occurred_at, actor_type, actor_id, actor_name, action,
                                            target_type, target_id, vendor_id, before_state, after_state,
                                            client_address) as recomputed
                    from audit_event
                    where id > ?)
                select id, case when prev_hash <> expected_prev then 'PREV_HASH_MISMATCH' else 'HASH_MISMATCH' end as problem
                from chain
                where prev_hash <> expected_prev or hash <> recomputed
                order by id
                limit 1
                """, rs -> rs.next() ? new Broken(rs.getLong("id"), Problem.valueOf(rs.getString("problem"))) : null,
                archived.lastHash(), archived.lastIdArchived());
        if (broken == null) {
            var totals = jdbc.queryForMap("select count(*) as n, max(id) as last from audit_event where id > ?",
                    archived.lastIdArchived());
            Long last = (Long) totals.get("last");
            return new ChainVerification(((Number) totals.get("n")).longValue() + archived.checked(),
                    last != null ? last : archived.lastId(), null, null, clock.millis() - started);
        }
        var before = jdbc.queryForMap("select count(*) as n, max(id) as last from audit_event where id > ? and id < ?",
                archived.lastIdArchived(), broken.id());
        Long last = (Long) before.get("last");
        return new ChainVerification(((Number) before.get("n")).longValue() + archived.checked() + 1,
                last != null ? last : archived.lastId(), broken.id(), broken.problem(), clock.millis() - started);
    }

    List<ArchivedMonth> archivedMonths() {
        return jdbc.query("""
                select month, first_id, last_id, row_count, anchor_hash, last_hash, file_name, file_sha256, archived_at
                from audit_archive order by month
                """, (rs, n) -> new ArchivedMonth(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("first_id"),
                rs.getLong("last_id"), rs.getLong("row_count"), rs.getString("anchor_hash"), rs.getString("last_hash"),
                rs.getString("file_name"), rs.getString("file_sha256"), rs.getTimestamp("archived_at").toInstant()));
    }

    private Archived verifyArchives() {
        String expected = AuditLog.GENESIS;
        long checked = 0;
        Long lastId = null;
        long lastIdArchived = 0;
        for (ArchivedMonth month : archivedMonths()) {
            Optional<Path> file = files.find(month.fileName());
            Broken broken = null;
            if (file.isEmpty()) {
                broken = new Broken(month.firstId(), Problem.ARCHIVE_MISSING);
            } else if (!AuditArchiveFiles.sha256(file.get()).equals(month.fileSha256())) {
                broken = new Broken(month.firstId(), Problem.ARCHIVE_ALTERED);
            } else if (!month.anchorHash().equals(expected)) {
                // the month does not continue from the one before it: a month is missing in between
                broken = new Broken(month.firstId(), Problem.PREV_HASH_MISMATCH);
            } else {
                broken = verifyFile(file.get(), month);
            }
            if (broken != null) {
                return new Archived(expected, checked, lastId, lastIdArchived, broken);
            }
            expected = month.lastHash();
            checked += month.rows();
            lastId = month.lastId();
            lastIdArchived = month.lastId();
        }
        return new Archived(expected, checked, lastId, lastIdArchived, null);
    }

    /** Recomputes every archived event's hash from the file's rows, in batches, carrying the chain across batches. */
    private Broken verifyFile(Path file, ArchivedMonth month) {
        String prev = month.anchorHash();
        long rows = 0;
        long lastId = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> batch = new ArrayList<>(BATCH);
            String line;
            while (true) {
                line = in.readLine();
                if (line != null && !line.isBlank()) {
                    batch.add(line);
                }
                if (batch.size() == BATCH || line == null && !batch.isEmpty()) {
                    BatchResult r = verifyBatch(batch, prev, lastId);
                    if (r.broken() != null) {
                        return r.broken();
                    }
                    prev = r.lastHash();
                    lastId = r.lastId();
                    rows += batch.size();
                    batch.clear();
                }
                if (line == null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows != month.rows() || !prev.equals(month.lastHash()) || lastId != month.lastId()) {
            return new Broken(month.firstId(), Problem.ARCHIVE_ALTERED);
        }
        return null;
    }

    private record BatchResult(String lastHash, long lastId, Broken broken) {
    }

    private BatchResult verifyBatch(List<String> lines, String prev, long afterId) {
        String rows = "[" + String.join(",", lines) + "]";
        return jdbc.queryForObject("""
                with archived as (
                    select * from jsonb_populate_recordset(null::audit_event, ?::jsonb)),
                chain as (
                    select id, prev_hash, hash,
                           coalesce(lag(hash) over (order by id), ?) as expected_prev,
                           audit_event_hash(prev_hash, occurred_at, actor_type, actor_id, actor_name, action,
                                            target_type, target_id, vendor_id, before_state, after_state,
                                            client_address) as recomputed
                    from archived),
                first_broken as (
                    select id, case when prev_hash <> expected_prev then 'PREV_HASH_MISMATCH' else 'HASH_MISMATCH' end as problem
                    from chain
                    where prev_hash <> expected_prev or hash <> recomputed or id <= ?
                    order by id limit 1)
                select (select hash from chain order by id desc limit 1) as last_hash,
                       (select max(id) from chain) as last_id,
                       (select id from first_broken) as broken_id,
                       (select problem from first_broken) as problem
                """, (rs, n) -> {
            Long broken = (Long) rs.getObject("broken_id");
            return new BatchResult(rs.getString("last_hash"), rs.getLong("last_id"),
                    broken == null ? null : new Broken(broken, Problem.valueOf(rs.getString("problem"))));
        }, rows, prev, afterId);
    }
}
