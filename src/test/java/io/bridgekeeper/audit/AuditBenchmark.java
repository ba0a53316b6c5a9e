package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds at least 1,000,000 valid, chained audit events (in PostgreSQL, with the same hash function
 * that writes and verifies the chain) and prints how long the audit grid's page fetches, a filtered
 * CSV export and the chain verification take. A benchmark, not a test: it asserts no time, and it is
 * not part of {@code ./mvnw verify} (its name matches no test pattern). Run it with
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AuditBenchmark
 * -Dbenchmark.events=1000000}.
 */
@IntegrationTest
class AuditBenchmark {

    private static final int BATCH = 100_000;

    @Autowired
    AuditSearch search;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void seed_a_million_events_and_time_the_grid_and_the_export() {
        int events = Integer.getInteger("benchmark.events", 1_000_000);
        long before = count();
        long started = System.nanoTime();
        for (int done = 0; done < events; done += BATCH) {
            int n = Math.min(BATCH, events - done);
            int offset = done;
            tx.executeWithoutResult(s -> seed(offset, n, events));
            System.out.printf("  seeded %,d / %,d%n", done + n, events);
        }
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
        report.append(page("grid, page %,d by offset".formatted(deepest), () -> search.page(AuditFilter.NONE,
                PageRequest.of(deepest, 50)).getNumberOfElements()));
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

    /** Appends n events to the chain in one statement-per-row plpgsql loop, holding the chain's lock. */
    private void seed(int offset, int n, int total) {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", 0x6175646974L);
        jdbc.execute(String.format("""
                do $$
                declare
                    prev char(64);
                    actions text[] := array['DEVICE_UPSERTED', 'LINK_CREATED', 'LINK_ENDED', 'API_KEY_CREATED',
                        'ROLLOUT_STAGE_ADVANCED', 'TELEMETRY_REPORTED', 'VENDOR_UPDATED', 'INCIDENT_NOTE_ADDED',
                        'DEVICE_DISABLED', 'WEBHOOK_ACKNOWLEDGED'];
                    targets text[] := array['device', 'account_link', 'account_link', 'vendor_api_key', 'rollout',
                        'telemetry', 'vendor', 'incident', 'device', 'webhook_delivery'];
                    actors text[] := array['admin@bridgekeeper.test', 'admin2@bridgekeeper.test', 'partner@lumacam.test',
                        'lumacam key 0a1b2c3d4e5f', 'brightway key 9f8e7d6c5b4a', 'system: rollout scheduler'];
                    actor_types text[] := array['ACCOUNT', 'ACCOUNT', 'ACCOUNT', 'VENDOR_KEY', 'VENDOR_KEY', 'SYSTEM'];
                    vendors bigint[];
                    i int;
                    k int;
                    a int;
                    at timestamptz;
                    v bigint;
                    b jsonb;
                    af jsonb;
                    h char(64);
                    start timestamptz := date_trunc('microseconds', now()) - interval '365 days';
                    step interval := interval '365 days' / %d;
                begin
                    -- the events span the past year: each month needs its partition (V121)
                    for i in 0 .. 13 loop
                        perform history_create_month('audit_event', (start + i * interval '1 month')::date);
                    end loop;
                    select array_agg(id order by id) into vendors from vendor;
                    select hash into prev from audit_event order by id desc limit 1;
                    prev := coalesce(prev, repeat('0', 64));
                    for i in %d .. %d loop
                        k := 1 + (i %% array_length(actions, 1));
                        a := 1 + ((i / 7) %% array_length(actors, 1));
                        v := vendors[1 + ((i / 3) %% array_length(vendors, 1))];
                        at := date_trunc('microseconds', start + step * i);
                        b := jsonb_build_object('state', 'ACTIVE', 'n', i - 1);
                        af := jsonb_build_object('state', case when i %% 5 = 0 then 'DISABLED' else 'ACTIVE' end, 'n', i);
                        h := audit_event_hash(prev, at, actor_types[a], a::text, actors[a], actions[k], targets[k],
                                              (i %% 50000)::text, v, b, af, '198.51.100.' || (i %% 250));
                        insert into audit_event (occurred_at, actor_type, actor_id, actor_name, action, target_type,
                                                 target_id, vendor_id, before_state, after_state, client_address,
                                                 prev_hash, hash)
                        values (at, actor_types[a], a::text, actors[a], actions[k], targets[k], (i %% 50000)::text, v,
                                b, af, '198.51.100.' || (i %% 250), prev, h);
                        prev := h;
                    end loop;
                end $$
                """, total, offset + 1, offset + n));
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
