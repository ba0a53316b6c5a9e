package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.base.db.MonthlyPartitions;
import io.bridgekeeper.base.db.MonthlyPartitions.Partition;
import io.bridgekeeper.support.IntegrationTest;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.bridgekeeper.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partitioned histories (V121) on the shared database: months exist ahead, retention drops a whole
 * month that is older than its history keeps (and says so in the audit log), and the audit log's months are
 * never dropped without an archive (this context configures no archive directory).
 */
@IntegrationTest
class HistoryPartitionsIT {

    private static final List<String> HISTORIES = List.of("audit_event", "telemetry", "device_access", "webhook_attempt");
    private static final YearMonth OLD = YearMonth.of(2020, 3);

    @Autowired
    HistoryRetention retention;
    @Autowired
    MonthlyPartitions partitions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    @Test
    void every_history_has_this_month_and_three_ahead_and_creating_again_changes_nothing() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        retention.createAhead();
        for (String table : HISTORIES) {
            assertThat(partitions.list(table)).filteredOn(Partition::attached).extracting(Partition::month)
                    .as(table).contains(now.minusMonths(1), now, now.plusMonths(1), now.plusMonths(2), now.plusMonths(3));
        }
        assertThat(retention.createAhead()).isEmpty();
        retention.run(); // the scheduled entry point, through its ShedLock lock
        assertThat(retention.state().keySet()).containsExactlyInAnyOrderElementsOf(HISTORIES);
    }

    @Test
    void a_month_older_than_the_policy_is_dropped_whole_and_the_drop_is_audited() {
        long vendor = jdbc.queryForObject("select vendor_id from cache_version order by id limit 1", Long.class);
        long version = jdbc.queryForObject("select id from cache_version where vendor_id = ? order by id limit 1",
                Long.class, vendor);
        long device = jdbc.queryForObject("select id from device where owner_account_id is not null order by id limit 1",
                Long.class);
        for (String table : List.of("telemetry", "device_access", "webhook_attempt", "audit_event")) {
            partitions.create(table, OLD);
        }
        jdbc.update("insert into telemetry (vendor_id, cache_version_id, minute, source, deliveries) "
                + "values (?, ?, '2020-03-15 10:00+00', 'VENDOR', 7), (?, ?, date_trunc('minute', now()) - interval '1 day', 'VENDOR', 7) "
                + "on conflict do nothing", vendor, version, vendor, version);
        jdbc.update("insert into device_access (minute, device_id, owner_account_id, capability, outcome, answers, last_at) "
                + "values ('2020-03-15 10:00+00', ?, 1, 'SNAPSHOT', 'ALLOW', 2, '2020-03-15 10:00:30+00'), "
                + "(date_trunc('minute', now()), ?, 1, 'SNAPSHOT', 'ALLOW', 2, now()) on conflict do nothing", device, device);
        jdbc.update("insert into webhook_attempt (delivery_id, vendor_id, attempt, attempted_at, outcome) "
                + "values (-1, ?, 1, '2020-03-15 10:00+00', 'RETRYING'), (-1, ?, 2, now(), 'ACKNOWLEDGED')", vendor, vendor);

        List<String> gone = retention.applyRetention();

        assertThat(gone).contains("telemetry_2020_03", "device_access_2020_03", "webhook_attempt_2020_03");
        for (String table : List.of("telemetry", "device_access", "webhook_attempt")) {
            assertThat(jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, table + "_2020_03"))
                    .as(table + "_2020_03 dropped").isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from telemetry where minute < '2021-01-01'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from telemetry where vendor_id = ? and cache_version_id = ? "
                + "and minute = date_trunc('minute', now()) - interval '1 day'", Long.class, vendor, version)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from device_access where device_id = ? and minute < '2021-01-01'",
                Long.class, device)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from webhook_attempt where delivery_id = -1", Long.class)).isOne();
        Map<String, Object> event = jdbc.queryForMap("select actor_name, after_state::text as after from audit_event "
                + "where action = 'HISTORY_MONTH_DROPPED' and target_id = 'device_access_2020_03' order by id desc limit 1");
        assertThat(event.get("actor_name")).isEqualTo("system: history retention");
        assertThat((String) event.get("after")).contains("\"rows\": 1", "\"month\": \"2020-03\"");
        // without an archive directory an audit month stays, however old
        assertThat(gone).doesNotContain("audit_event_2020_03");
        assertThat(partitions.list("audit_event")).extracting(Partition::month).contains(OLD);
        assertThat(new AuditVerificationIT.AuditChainReader(jdbc).verify().intact()).isTrue();
    }

    @Test
    void operators_see_the_partitions_in_the_actuator_and_the_metrics() {
        retention.createAhead();
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        String scraper = "Basic " + Base64.getEncoder().encodeToString(
                ("prometheus:" + IntegrationTest.METRICS_PASSWORD).getBytes(StandardCharsets.UTF_8));
        RawHttp http = new RawHttp(port);

        RawHttp.Response history = http.send("GET", "/actuator/history", Map.of("Authorization", scraper), (String) null);
        RawHttp.Response metrics = http.send("GET", "/actuator/prometheus", Map.of("Authorization", scraper), (String) null);

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("\"device_access\"", "\"keep\":\"PT720H\"",
                "\"partition\":\"" + MonthlyPartitions.name("telemetry", now) + "\"", "\"auditArchiving\":false");
        assertThat(http.send("GET", "/actuator/history", Map.of(), (String) null).status()).isEqualTo(401);
        assertThat(metrics.body()).contains("bridgekeeper_history_partitions{table=\"audit_event\"}",
                "bridgekeeper_history_months_ahead{table=\"webhook_attempt\"} 3.0");
    }
}
