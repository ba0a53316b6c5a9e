package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.scale.ChainedAuditEvents;
import io.bridgekeeper.support.IntegrationTest;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Seeds at least 1,000,000 valid, chained audit events ({@link ChainedAuditEvents}: binary COPY with the
 * indexes built afterwards, each hash checked against the function that writes and verifies the chain)
 * and prints how long the audit grid's page fetches, a filtered CSV export and the chain verification
 * take. A benchmark, not a test: it asserts no time, and it is
 * not part of {@code ./mvnw verify} (its name matches no test pattern). Run it with
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuditBenchmark
 * -Dbenchmark.events=1000000}.
 */
@IntegrationTest
class AuditBenchmark {

    @Autowired
    AuditSearch search;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void seed_a_million_events_and_time_the_grid_and_the_export() throws Exception {
        int events = Integer.getInteger("benchmark.events", 1_000_000);
        long before = count();
        long started = System.nanoTime();
        ChainedAuditEvents.append(dataSource, events);
        long seedMillis = millis(started);
        jdbc.execute("analyze audit_event");
        assertThat(count()).isEqualTo(before + events);

        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
        AuditFilter byVendorAndAction = AuditFilter.NONE.withVendor(lumacam).withAction("DEVICE_UPSERTED");
        AuditFilter lastWeek = new AuditFilter(null, null, null, null, null, weekAgo, null);

        StringBuilder report = new StringBuilder(String.format("%n  Audit benchmark: %,d events in the log%n", count()));
        report.append(String.format("  seeding %,d chained events: %,d ms%n", events, seedMillis));
        report.append(page("grid, first page (50, no filter)", () -> search.page(AuditFilter.NONE, PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(page("grid, page 200 (offset 10,000)", () -> search.page(AuditFilter.NONE, PageRequest.of(200, 50)).getNumberOfElements()));
        // a scrolling grid reaches a deep page by key: after the last id of the page before it (base/db/KeysetPages)
        int deepest = (int) ((count() - 1) / 50);
        for (int page : new int[] {200, deepest / 2, deepest}) {
            long after = jdbc.queryForObject("select id from audit_event order by id desc offset ? limit 1", Long.class,
                    (long) page * 50 - 1);
            report.append(page("grid, page %,d by key".formatted(page), () -> search.page(AuditFilter.NONE,
                    PageRequest.of(page, 50), after).getNumberOfElements()));
        }
        // by offset once, and not as deep: PostgreSQL computes every skipped row's folded-step count (a
        // subquery in the select list), so the last page by offset takes minutes at 1,000,000 events
        int offsetPage = Math.min(deepest, 2_000);
        report.append(line("grid, page %,d by offset (once)".formatted(offsetPage), () -> search.page(AuditFilter.NONE,
                PageRequest.of(offsetPage, 50)).getNumberOfElements()));
        report.append(page("grid, first page by vendor + action", () -> search.page(byVendorAndAction, PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(page("grid, first page by actor", () -> search.page(new AuditFilter(
                "partner@lumacam.test", null, null, null, null, null, null), PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(page("grid, first page of the last 7 days", () -> search.page(lastWeek, PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(page("grid, first page by target", () -> search.page(AuditFilter.NONE.withTarget("device", "4240"), PageRequest.of(0, 50)).getNumberOfElements()));
        report.append(line("CSV export by vendor + action", () -> export(byVendorAndAction)));
        report.append(line("CSV export of the last 7 days", () -> export(lastWeek)));
        report.append(line("chain verification", () -> {
            ChainVerification result = verification.verify();
            assertThat(result.intact()).as(result.summary()).isTrue();
            return (int) result.eventsChecked();
        }));
        System.out.println(report);
    }

    /** A grid fetch: warmed up, then timed 15 times; its median and 95th percentile. */
    private String page(String what, Supplier<Integer> run) {
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        double[] ms = new double[15];
        int rows = 0;
        for (int i = 0; i < ms.length; i++) {
            long started = System.nanoTime();
            rows = run.get();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return String.format("  %-40s p50 %,9.2f ms  p95 %,9.2f ms  (%,d rows)%n", what, ms[7], ms[13], rows);
    }

    private String line(String what, Supplier<Integer> run) {
        run.get(); // once to warm caches and the JIT, as a person's second look would
        long started = System.nanoTime();
        int rows = run.get();
        return String.format("  %-40s %,11.2f ms  (%,d rows)%n", what, (System.nanoTime() - started) / 1e6, rows);
    }

    private int export(AuditFilter filter) {
        CountingStream out = new CountingStream();
        long rows = search.exportCsv(filter, out);
        System.out.printf("    export wrote %,d bytes%n", out.bytes);
        return (int) rows;
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Discards what the export writes, counting it: the export's memory is the driver's fetch size. */
    static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
