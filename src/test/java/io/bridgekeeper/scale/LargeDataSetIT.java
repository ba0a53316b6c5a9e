package io.bridgekeeper.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.audit.AuditVerification;
import io.bridgekeeper.audit.ChainVerification;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The large seed at a small size leaves data exactly as valid as the application's own writes: the same
 * indexes, constraints and triggers as the migrations made (foreign keys validated), a hash chain the
 * admin's verification accepts and the application extends, the portal-change notifications its
 * triggers would have sent, and the shape the benchmarks rely on. A seed that fails half-way leaves
 * nothing behind. Its own database (a context of its own, closed afterwards), as it adds thousands of
 * households the other tests do not expect.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = "bridgekeeper.test.own-database=large-data-set")
@DirtiesContext
class LargeDataSetIT {

    /**
     * Starting this context of its own makes Vaadin install its security-context strategy as the JVM-wide
     * one, replacing that of the context the other tests share: {@link KeepSharedStrategy} notes the shared
     * one while this context is built, and it is put back afterwards, or later tests' sign-ins go unseen
     * (as in {@code VendorSuspendedModuleIT}).
     */
    private static SecurityContextHolderStrategy shared;

    @TestConfiguration
    static class KeepSharedStrategy {
        KeepSharedStrategy() {
            shared = SecurityContextHolder.getContextHolderStrategy();
        }
    }

    @AfterAll
    static void restoreTheSharedStrategy() {
        if (shared != null) {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
    }

    static final int HOUSEHOLDS = 1_000;
    static final int AUDIT_EVENTS = 2_000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditVerification verification;
    @Autowired
    DeviceService devices;
    @Autowired
    RunAs run;

    @Test
    @Order(1)
    void seed_leaves_the_schema_the_chain_and_the_notifications_as_the_application_would() throws Exception {
        Map<String, Object> schemaBefore = schema();
        long eventsBefore = count("select count(*) from audit_event");

        Set<String> notified;
        try (Connection listener = dataSource.getConnection()) {
            try (Statement s = listener.createStatement()) {
                s.execute("listen portal_change");
            }
            LargeDataSet.seed(jdbc, HOUSEHOLDS, AUDIT_EVENTS);
            notified = drain(listener.unwrap(PGConnection.class));
        }

        // the schema is the migrations' schema again, every foreign key validated
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(count("select count(*) from pg_constraint where contype = 'f' and not convalidated")).isZero();

        // the shape the benchmarks rely on
        assertThat(count("select count(*) from account where email like 'bench%@example.com' and kind = 'HOUSEHOLD'"))
                .isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from account_role r join account a on a.id = r.account_id "
                + "where a.email like 'bench%' and r.role = 'END_USER'")).isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from account_link where external_account_id like 'bench-%' and status = 'LIVE'"))
                .isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from link_epoch_event e join account_link l on l.id = e.link_id "
                + "where l.external_account_id like 'bench-%' and e.event = 'LINKED' and e.occurred_at = l.linked_at "
                + "and e.actor_id = l.account_id")).isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from device d join account a on a.id = d.owner_account_id "
                + "where d.vendor_device_id = 'bench-display-' || a.id and d.kind = 'DISPLAY' and d.vendor_id is null "
                + "and d.state = 'ACTIVE' and a.email like 'bench%'")).isEqualTo(HOUSEHOLDS);
        // household n: its link 'bench-n' at the (n % 4)-th active demo vendor, linked n % 700 days ago, and
        // four devices of that vendor's kind, the fourth DISABLED on every tenth link
        assertThat(count("""
                with v as (select id, slug, row_number() over (order by id) - 1 as k from vendor
                           where slug in ('lumacam', 'brightway', 'ironbolt', 'sensora')),
                     a as (select id, created_at, substring(email from 6 for 7)::int as n from account
                           where email like 'bench%@example.com')
                select count(*) from a
                join account_link l on l.account_id = a.id and l.external_account_id = 'bench-' || a.n
                join v on v.id = l.vendor_id and v.k = a.n % 4
                join device d on d.link_id = l.id and d.owner_account_id = a.id and d.vendor_id = v.id
                where d.vendor_device_id in ('bench-' || a.n || '-1', 'bench-' || a.n || '-2', 'bench-' || a.n || '-3',
                                             'bench-' || a.n || '-4')
                  and d.kind = case v.slug when 'lumacam' then 'CAMERA' when 'brightway' then 'LIGHT'
                                           when 'ironbolt' then 'LOCK' else 'SENSOR' end
                  and d.state = case when d.vendor_device_id like '%-4' and l.id % 10 = 0 then 'DISABLED' else 'ACTIVE' end
                  and d.owner_since = l.linked_at
                  and l.linked_at = a.created_at - (a.n % 700) * interval '24 hours'
                """)).isEqualTo(4L * HOUSEHOLDS);
        assertThat(count("select count(*) from device_ownership o join device d on d.id = o.device_id "
                + "where d.vendor_device_id like 'bench-%' and o.ended_at is null and o.owner_account_id = d.owner_account_id "
                + "and o.started_at = d.owner_since and o.link_id is not distinct from d.link_id "
                + "and o.start_reason = case when d.link_id is null then 'CREATED' else 'LINKED' end"))
                .isEqualTo(5L * HOUSEHOLDS);
        assertThat(count("select count(*) from device_directory where vendor_device_id like 'bench-%'"))
                .isEqualTo(5L * HOUSEHOLDS);
        assertThat(count("select count(*) from audit_event")).isEqualTo(eventsBefore + AUDIT_EVENTS);

        // what the switched-off triggers would have announced: one per link and two per household's devices
        long firstBench = count("select min(id) from account where email like 'bench%'");
        Map<String, Object> firstLink = jdbc.queryForMap(
                "select vendor_id, account_id from account_link where account_id = ?", firstBench);
        assertThat(notified.stream().filter(p -> p.contains("\"t\": \"account_link\"") || p.contains("\"t\": \"device\"")))
                .hasSize(3 * HOUSEHOLDS).contains(
                "{\"a\": \"%d\", \"t\": \"account_link\", \"v\": \"%d\"}".formatted(firstBench, firstLink.get("vendor_id")),
                "{\"a\": \"%d\", \"t\": \"device\", \"v\": \"%d\"}".formatted(firstBench, firstLink.get("vendor_id")),
                "{\"a\": \"%d\", \"t\": \"device\"}".formatted(firstBench));

        // the chain holds, and the application goes on writing to it (and through the rebuilt indexes)
        assertThat(verify().intact()).isTrue();
        long camera = count("select id from device where vendor_device_id = 'bench-1-1'");
        run.as("bench0000001@example.com", () -> {
            devices.disableMine(camera);
            return null;
        });
        assertThat(jdbc.queryForObject("select state from device where id = ?", String.class, camera)).isEqualTo("DISABLED");
        ChainVerification after = verify();
        assertThat(after.intact()).as(after.summary()).isTrue();
        assertThat(after.eventsChecked()).isEqualTo(eventsBefore + AUDIT_EVENTS + 1);
    }

    @Test
    @Order(2)
    void a_seed_that_fails_leaves_nothing_behind() throws Exception {
        LargeDataSet.seedOnce(jdbc, 10); // already seeded by the test before, when it ran
        Map<String, Object> schemaBefore = schema();
        long households = count("select count(*) from account where email like 'bench%'");
        long devicesBefore = count("select count(*) from device");

        // the same households again: copied without complaint, then refused by a unique index being rebuilt
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> LargeDataSet.seedHouseholds(c, 10, new SeedPhases("again")))
                    .hasMessageContaining("could not create unique index");
        }

        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(count("select count(*) from account where email like 'bench%'")).isEqualTo(households);
        assertThat(count("select count(*) from device")).isEqualTo(devicesBefore);
    }

    /**
     * The loaded tables' indexes, constraints and triggers as the catalog prints them (not the internal
     * triggers that implement a foreign key: a re-added key has new ones, named by their new oids).
     */
    private Map<String, Object> schema() {
        List<String> tables = new ArrayList<>(LargeDataSet.HOUSEHOLD_TABLES);
        tables.add("audit_event");
        String in = "(" + String.join(", ", tables.stream().map(t -> "'" + t + "'::regclass").toList()) + ")";
        return Map.of(
                "indexes", jdbc.queryForList("select indexrelid::regclass::text, pg_get_indexdef(indexrelid) from pg_index "
                        + "where indrelid in " + in + " order by 1"),
                "constraints", jdbc.queryForList("select conrelid::regclass::text, conname, pg_get_constraintdef(oid), "
                        + "convalidated from pg_constraint where conrelid in " + in + " or confrelid in " + in + " order by 1, 2"),
                "triggers", jdbc.queryForList("select tgrelid::regclass::text, tgname, tgenabled, pg_get_triggerdef(oid) "
                        + "from pg_trigger where tgrelid in " + in + " and not tgisinternal order by 1, 2"));
    }

    private ChainVerification verify() {
        return run.as(DemoAccounts.ADMIN, verification::verify);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** The notifications that arrived, until none comes for a second. */
    private static Set<String> drain(PGConnection listener) throws Exception {
        Set<String> payloads = new HashSet<>();
        while (true) {
            PGNotification[] batch = listener.getNotifications(1_000);
            if (batch == null || batch.length == 0) {
                return payloads;
            }
            for (PGNotification n : batch) {
                payloads.add(n.getParameter());
            }
        }
    }
}
