package io.bridgekeeper.scale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds a large data set with PostgreSQL's set-based bulk load ({@code insert ... select generate_series}):
 * {@code households} households, each with one platform display and one vendor link with four devices
 * of that vendor (so 5 devices per household: 1,000,000 for 200,000 households), and one ownership row
 * per device. All rows are marked {@code bench} so they never collide with the demo data.
 *
 * <p>What the benchmarks rely on: household {@code n} (1-based) is {@code bench<n, 7 digits>@example.com};
 * its platform display is {@code bench-display-<account id>}; its vendor account is {@code bench-<n>} at
 * the active demo vendor number {@code n % 4} by id (LumaCam for {@code n % 4 == 0}), and its devices are
 * {@code bench-<n>-1} … {@code bench-<n>-4}, the fourth one DISABLED on every tenth link.
 */
public final class LargeDataSet {

    private static final Logger log = LoggerFactory.getLogger(LargeDataSet.class);

    private LargeDataSet() {
    }

    /** The size the benchmarks use: {@code BENCH_HOUSEHOLDS}, 200,000 by default (1,000,000 devices). */
    public static int households() {
        return Integer.parseInt(System.getenv().getOrDefault("BENCH_HOUSEHOLDS", "200000"));
    }

    /**
     * Seeds unless this database already holds the data set: benchmarks that share one test context (one
     * embedded PostgreSQL) in a run seed it once.
     */
    public static void seedOnce(JdbcTemplate jdbc, int households) {
        Integer seeded = jdbc.queryForObject("select count(*) from account where email like 'bench%@example.com'",
                Integer.class);
        if (seeded == null || seeded == 0) {
            seed(jdbc, households);
        }
    }

    static void seed(JdbcTemplate jdbc, int households) {
        long started = System.nanoTime();
        String hash = jdbc.queryForObject("select password_hash from account order by id limit 1", String.class);
        step(jdbc, "accounts", """
                insert into account (email, display_name, password_hash, kind)
                select 'bench' || lpad(g::text, 7, '0') || '@example.com', 'Bench household ' || g, ?, 'HOUSEHOLD'
                from generate_series(1, ?) g
                """, hash, households);
        step(jdbc, "roles", """
                insert into account_role (account_id, role)
                select id, 'END_USER' from account where email like 'bench%@example.com'
                """);
        // one link per household, to one of the four active demo vendors in turn
        step(jdbc, "links", """
                with v as (select id, row_number() over (order by id) - 1 as k from vendor
                           where slug in ('lumacam', 'brightway', 'ironbolt', 'sensora')),
                     a as (select id, substring(email from 6 for 7)::int as n from account where email like 'bench%@example.com')
                insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                select a.id, v.id, 'bench-' || a.n, 'LIVE', 1, now() - (a.n % 700) * interval '1 day'
                from a join v on v.k = a.n % 4
                """);
        step(jdbc, "epoch events", """
                insert into link_epoch_event (link_id, epoch, event, occurred_at, actor_id)
                select id, 1, 'LINKED', linked_at, account_id from account_link where external_account_id like 'bench-%'
                """);
        step(jdbc, "platform displays", """
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since)
                select null, 'bench-display-' || a.id, 'DISPLAY', 'Kitchen display', a.id, 'ACTIVE', a.created_at
                from account a where a.email like 'bench%@example.com'
                """);
        step(jdbc, "vendor devices", """
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                select l.vendor_id, l.external_account_id || '-' || s, k.kind, k.kind_name || ' ' || s, l.account_id, l.id,
                       case when s = 4 and l.id % 10 = 0 then 'DISABLED' else 'ACTIVE' end, l.linked_at
                from account_link l
                join vendor v on v.id = l.vendor_id
                cross join generate_series(1, 4) s
                join (values ('lumacam', 'CAMERA', 'Camera'), ('brightway', 'LIGHT', 'Light'),
                             ('ironbolt', 'LOCK', 'Lock'), ('sensora', 'SENSOR', 'Sensor')) k(slug, kind, kind_name)
                  on k.slug = v.slug
                where l.external_account_id like 'bench-%'
                """);
        step(jdbc, "ownership history", """
                insert into device_ownership (device_id, owner_account_id, link_id, link_epoch, started_at, start_reason)
                select id, owner_account_id, link_id, case when link_id is null then null else 1 end, owner_since,
                       case when link_id is null then 'CREATED' else 'LINKED' end
                from device where vendor_device_id like 'bench-%'
                """);
        // as after any bulk load: statistics for the planner, and the visibility map set now rather than by
        // autovacuum at some moment of a benchmark run (index-only reads need it, V070)
        step(jdbc, "vacuum", "vacuum analyze");
        log.info("Large data set: {} households seeded in {} ms", households, (System.nanoTime() - started) / 1_000_000);
    }

    private static void step(JdbcTemplate jdbc, String what, String sql, Object... args) {
        long t = System.nanoTime();
        int rows = jdbc.update(sql, args);
        System.out.printf("  seed %-18s %,10d rows %,8d ms%n", what, rows, (System.nanoTime() - t) / 1_000_000);
    }
}
