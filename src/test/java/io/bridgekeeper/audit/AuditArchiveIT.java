package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.audit.ChainVerification.Problem;
import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.base.db.MonthlyPartitions;
import io.bridgekeeper.base.db.MonthlyPartitions.Partition;
import io.bridgekeeper.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit months leave the database only archived, and the chain verifies across the archive boundary.
 * Its own application context and database: the clock starts in January 2025 and moves, so that the
 * chain's first months are old enough to archive (the shared database's chain starts today).
 */
@IntegrationTest
@TestPropertySource(properties = {"bridgekeeper.demo-data=false", "bridgekeeper.retention.audit=P30D",
        "bridgekeeper.audit.archive-dir=${java.io.tmpdir}/bridgekeeper-audit-archive-it-${random.uuid}"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditArchiveIT {

    static final Instant START = Instant.parse("2025-01-15T10:00:00Z");

    /** The application's clock, moved by the test. */
    static final class MovableClock extends Clock {
        volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    HistoryRetention retention;
    @Autowired
    AuditChain chain;
    @Autowired
    AuditArchiveFiles files;
    @Autowired
    MonthlyPartitions partitions;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @AfterAll
    void removeTheArchiveDirectory() throws IOException {
        Path dir = files.dir().orElseThrow();
        if (Files.isDirectory(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void events(int n) {
        for (int i = 0; i < n; i++) {
            int index = i;
            tx.executeWithoutResult(s -> audit.record(AuditActor.system("archive test"), TestAuditAction.TEST_ARCHIVED,
                    "test", index, null, Map.of("n", index, "text", "it's \"quoted\" ü"), null));
        }
    }

    @Test
    @Order(1)
    void old_months_are_archived_with_their_anchor_then_dropped_and_the_chain_verifies_across_them() throws IOException {
        events(3);
        clock.now = Instant.parse("2025-02-10T08:30:00.123456Z");
        retention.createAhead();
        events(2);
        long total = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        long februaryRows = jdbc.queryForObject("select count(*) from audit_event_2025_02", Long.class);
        long januaryLast = jdbc.queryForObject("select max(id) from audit_event_2025_01", Long.class);
        String januaryLastHash = jdbc.queryForObject("select hash from audit_event where id = ?", String.class, januaryLast);

        clock.now = Instant.parse("2025-04-10T12:00:00Z");
        retention.createAhead();
        List<String> gone = retention.applyRetention();

        assertThat(gone).contains("audit_event_2025_01", "audit_event_2025_02").doesNotContain("audit_event_2025_03");
        assertThat(partitions.list("audit_event")).extracting(Partition::month)
                .doesNotContain(YearMonth.of(2025, 1), YearMonth.of(2025, 2)).contains(YearMonth.of(2025, 3));
        List<ArchivedMonth> archived = chain.archivedMonths();
        assertThat(archived).extracting(ArchivedMonth::month).containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        assertThat(archived.get(0).anchorHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(archived.get(0).lastId()).isEqualTo(januaryLast);
        assertThat(archived.get(0).lastHash()).isEqualTo(januaryLastHash);
        assertThat(archived.get(1).anchorHash()).isEqualTo(januaryLastHash);
        assertThat(archived.get(1).rows()).isEqualTo(februaryRows).isGreaterThanOrEqualTo(2);
        Path dir = files.dir().orElseThrow();
        assertThat(dir.resolve("audit-2025-02.jsonl")).exists();
        assertThat(Files.readAllLines(dir.resolve("audit-2025-02.jsonl"))).hasSize((int) februaryRows);
        assertThat(Files.readString(dir.resolve("audit-2025-02.manifest.json")))
                .contains(archived.get(1).fileSha256(), januaryLastHash);
        // the archive and the drop are events of the live chain
        assertThat(jdbc.queryForList("select action from audit_event where target_id = 'audit_event_2025_02' order by id",
                String.class)).containsExactly("AUDIT_MONTH_ARCHIVED", "HISTORY_MONTH_DROPPED");

        events(1);
        ChainVerification result = chain.verify();

        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(jdbc.queryForObject("select count(*) from audit_event", Long.class)
                + archived.get(0).rows() + archived.get(1).rows());
        assertThat(result.eventsChecked()).isGreaterThan(total);
    }

    @Test
    @Order(2)
    void an_edited_archive_file_breaks_the_chain_at_its_month() throws IOException {
        ArchivedMonth february = chain.archivedMonths().get(1);
        Path file = files.dir().orElseThrow().resolve(february.fileName());
        byte[] original = Files.readAllBytes(file);
        try {
            Files.writeString(file, new String(original, StandardCharsets.UTF_8).replaceFirst("archive test", "archive tesT"));

            ChainVerification result = chain.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo(Problem.ARCHIVE_ALTERED);
            assertThat(result.brokenEventId()).isEqualTo(february.firstId());
            assertThat(result.intactThroughId()).isEqualTo(chain.archivedMonths().get(0).lastId());
            assertThat(result.summary()).contains("BROKEN", "archive was altered");
        } finally {
            Files.write(file, original);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    @Order(3)
    void a_missing_archive_file_breaks_the_chain() throws IOException {
        ArchivedMonth january = chain.archivedMonths().get(0);
        Path file = files.dir().orElseThrow().resolve(january.fileName());
        Path aside = file.resolveSibling("aside");
        Files.move(file, aside);
        try {
            ChainVerification result = chain.verify();

            assertThat(result.problem()).isEqualTo(Problem.ARCHIVE_MISSING);
            assertThat(result.brokenEventId()).isEqualTo(january.firstId());
        } finally {
            Files.move(aside, file);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    @Order(4)
    void an_event_altered_before_archiving_is_not_carried_out_of_the_database() {
        // April is tampered with while still in the table: retention must not archive a broken chain
        long april = jdbc.queryForObject("select min(id) from audit_event_2025_04", Long.class);
        tx.executeWithoutResult(s -> {
            jdbc.execute("alter table audit_event disable trigger audit_event_no_update");
            jdbc.update("update audit_event set prev_hash = repeat('f', 64) where id = ?", april);
            jdbc.execute("alter table audit_event enable trigger audit_event_no_update");
        });
        clock.now = Instant.parse("2025-06-20T12:00:00Z");
        retention.createAhead();

        List<String> gone = retention.applyRetention();

        assertThat(gone).doesNotContain("audit_event_2025_04");
        assertThat(partitions.list("audit_event")).extracting(Partition::month).contains(YearMonth.of(2025, 4));
        assertThat(chain.archivedMonths()).hasSize(2);
        ChainVerification result = chain.verify();
        assertThat(result.problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
        assertThat(result.brokenEventId()).isEqualTo(april);
    }

    @Test
    @Order(5)
    void a_clock_that_runs_back_does_not_put_an_event_into_an_earlier_month() {
        Instant latest = jdbc.queryForObject("select max(occurred_at) from audit_event", java.sql.Timestamp.class).toInstant();
        clock.now = Instant.parse("2025-04-30T23:59:59Z"); // a node whose clock lags behind the others

        events(1);

        Instant written = jdbc.queryForObject("select occurred_at from audit_event order by id desc limit 1",
                java.sql.Timestamp.class).toInstant();
        assertThat(written).isEqualTo(latest);
        assertThat(jdbc.queryForObject("select count(*) from audit_event_2025_06 where id = (select max(id) from audit_event)",
                Long.class)).isOne();
    }
}
