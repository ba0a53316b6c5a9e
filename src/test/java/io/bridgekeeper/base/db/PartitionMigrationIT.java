package io.bridgekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V121 rebuilds the audit log, telemetry and the access history as partitioned tables: on a database
 * migrated to V119 and filled with rows of several months (including a hash-chained audit log), the
 * migration keeps every row, puts each in its month's partition, and the chain still verifies.
 */
class PartitionMigrationIT {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrateWithDataInBetween() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        flyway("119").migrate();
        seedOldHistory();
        flyway(null).migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:db/migrations");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static void seedOldHistory() {
        jdbc.update("insert into vendor (slug, name, status, webhook_secret) values ('acme', 'Acme', 'ACTIVE', "
                + "'bks1:k1:" + "A".repeat(40) + "')");
        long vendor = jdbc.queryForObject("select id from vendor where slug = 'acme'", Long.class);
        long version = jdbc.queryForObject("insert into cache_version (vendor_id, label, stable) values (?, '1', true) "
                + "returning id", Long.class, vendor);
        String[] months = {"2025-03-10", "2025-04-20", "2025-04-30", "2025-06-01"};
        String prev = "0".repeat(64);
        for (String day : months) {
            String ts = day + " 12:00:00+00";
            prev = jdbc.queryForObject("""
                    insert into audit_event (occurred_at, actor_type, actor_name, action, target_type, target_id,
                                             after_state, prev_hash, hash)
                    values (?::timestamptz, 'SYSTEM', 'system: test', 'TEST', 'thing', '1', '{"b": 1, "a": [2]}',
                            ?, audit_event_hash(?, ?::timestamptz, 'SYSTEM', null, 'system: test', 'TEST', 'thing', '1',
                                                null, null, '{"b": 1, "a": [2]}'::jsonb, null))
                    returning hash
                    """, String.class, ts, prev, prev, ts);
            jdbc.update("insert into telemetry (vendor_id, cache_version_id, minute, source, deliveries) "
                    + "values (?, ?, ?::timestamptz, 'VENDOR', 5)", vendor, version, ts);
            jdbc.update("insert into device_access (minute, device_id, owner_account_id, capability, outcome, answers, "
                    + "last_at) values (?::timestamptz, 1, 1, 'SNAPSHOT', 'ALLOW', 3, ?::timestamptz)", ts, ts);
        }
        jdbc.update("insert into webhook_delivery (vendor_id, event_type, payload, status, attempts, last_attempt_at, "
                + "last_error, created_at, retry_since) values (?, 'DISCONNECT', '{}', 'RETRYING', 2, "
                + "'2025-04-02 10:00+00', 'timeout', '2025-04-01 10:00+00', '2025-04-01 10:00+00')", vendor);
    }

    @Test
    void every_row_is_kept_in_its_months_partition() {
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST'", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from telemetry", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from device_access", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from audit_event_2025_04 where action = 'TEST'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from telemetry_2025_06", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from device_access_2025_03", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select attempt, outcome, error from webhook_attempt_2025_04"))
                .containsExactly(java.util.Map.of("attempt", 2, "outcome", "RETRYING", "error", "timeout"));
        // the months in between and three ahead of today exist, so the next write has a home
        assertThat(jdbc.queryForObject("select to_regclass('audit_event_2025_05') is not null", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_inherits where inhparent = 'telemetry'::regclass
                  and inhrelid::regclass::text = 'telemetry_' || to_char(now() + interval '3 months', 'YYYY_MM')
                """, Long.class)).isEqualTo(1);
    }

    @Test
    void the_audit_chain_still_verifies_and_stays_append_only() {
        Long broken = jdbc.queryForObject("""
                select count(*) from (
                    select prev_hash, hash, coalesce(lag(hash) over (order by id), repeat('0', 64)) as expected_prev,
                           audit_event_hash(prev_hash, occurred_at, actor_type, actor_id, actor_name, action, target_type,
                                            target_id, vendor_id, before_state, after_state, client_address) as recomputed
                    from audit_event) c
                where prev_hash <> expected_prev or hash <> recomputed
                """, Long.class);
        assertThat(broken).isZero();
        assertThatThrownBy(() -> jdbc.update("update audit_event set action = 'X'"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event_2025_04"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("truncate audit_event"))
                .rootCause().hasMessageContaining("append-only");
        // new events get ids after the moved ones
        Long next = jdbc.queryForObject("""
                insert into audit_event (occurred_at, actor_type, actor_name, action, target_type, prev_hash, hash)
                values (now(), 'SYSTEM', 's', 'T', 't', repeat('1', 64), repeat('2', 64)) returning id""", Long.class);
        assertThat(next).isEqualTo(5);
    }

    @Test
    void the_portal_change_notice_still_names_the_table_not_the_partition() {
        assertThat(jdbc.queryForObject("select regexp_replace('telemetry_2026_12', '_[0-9]{4}_[0-9]{2}$', '')",
                String.class)).isEqualTo("telemetry");
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_trigger where tgrelid = 'telemetry'::regclass and tgname = 'telemetry_portal_change'
                """, Long.class)).isEqualTo(1);
    }
}
