package io.bridgekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestSecrets;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The domain's rules hold in the database itself, whatever code writes to it. */
@IntegrationTest
class SchemaIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void migrations_ran_from_scratch_and_cover_the_whole_domain() {
        var tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("account", "account_role", "vendor", "vendor_capability", "vendor_api_key",
                "suspension", "account_link", "link_epoch_event", "device", "device_ownership", "cache_version",
                "rollout", "rollout_stage", "telemetry", "incident", "isolation_violation", "audit_event",
                "webhook_delivery", "unlink_receipt", "event_publication", "shedlock");
        Integer applied = jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_second_live_link_of_the_same_vendor_account_is_refused() {
        long vendor = vendor("schema-links");
        long first = household("schema-link-a@example.com");
        long second = household("schema-link-b@example.com");
        link(first, vendor, "ext-42");

        assertThatThrownBy(() -> link(second, vendor, "ext-42"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("account_link_live_uq");
    }

    @Test
    void an_ended_link_does_not_block_a_new_live_link() {
        long vendor = vendor("schema-relink");
        long account = household("schema-relink@example.com");
        long old = link(account, vendor, "ext-7");
        jdbc.update("update account_link set status = 'ENDED', unlinked_at = now() where id = ?", old);

        long renewed = link(account, vendor, "ext-7");

        assertThat(renewed).isNotEqualTo(old);
    }

    @Test
    void a_duplicate_vendor_device_id_is_refused() {
        long vendor = vendor("schema-devices");
        jdbc.update("insert into device (vendor_id, vendor_device_id, kind, name, state) values (?, 'CAM-1', 'CAMERA', 'Cam', 'ACTIVE')", vendor);

        assertThatThrownBy(() -> jdbc.update(
                "insert into device (vendor_id, vendor_device_id, kind, name, state) values (?, 'CAM-1', 'CAMERA', 'Other', 'ACTIVE')", vendor))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("device_vendor_device_uq");
    }

    @Test
    void the_same_device_id_at_another_vendor_is_allowed() {
        long a = vendor("schema-dev-a");
        long b = vendor("schema-dev-b");
        jdbc.update("insert into device (vendor_id, vendor_device_id, kind, name, state) values (?, 'X1', 'LIGHT', 'L', 'ACTIVE')", a);
        jdbc.update("insert into device (vendor_id, vendor_device_id, kind, name, state) values (?, 'X1', 'LIGHT', 'L', 'ACTIVE')", b);
        assertThat(jdbc.queryForObject("select count(*) from device where vendor_device_id = 'X1'", Integer.class)).isEqualTo(2);
    }

    @Test
    void state_columns_accept_only_their_states() {
        assertThatThrownBy(() -> jdbc.update("insert into vendor (slug, name, status, webhook_secret) values ('bad-state', 'B', 'DELETED', ?)",
                TestSecrets.sealed("s")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into vendor (slug, name, status, webhook_secret) values ('Bad Slug', 'B', 'ACTIVE', ?)",
                TestSecrets.sealed("s")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_vendor_has_at_most_one_open_suspension() {
        long vendor = vendor("schema-susp");
        String insert = "insert into suspension (vendor_id, all_capabilities, reason_code, reason_text, status, suspended_at) "
                + "values (?, true, 'OUTAGE', 'down', 'ACTIVE', now())";
        jdbc.update(insert, vendor);
        assertThatThrownBy(() -> jdbc.update(insert, vendor)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private long vendor(String slug) {
        return jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) values (?, ?, 'ACTIVE', ?) returning id",
                Long.class, slug, slug, TestSecrets.sealed("secret"));
    }

    private long household(String email) {
        return jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) values (?, ?, 'x', 'HOUSEHOLD') returning id",
                Long.class, email, email);
    }

    private long link(long account, long vendor, String external) {
        return jdbc.queryForObject("insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at) "
                + "values (?, ?, ?, 'LIVE', 1, ?) returning id", Long.class, account, vendor, external, Timestamp.from(Instant.now()));
    }
}
