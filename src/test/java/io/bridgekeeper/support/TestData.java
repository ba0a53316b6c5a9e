package io.bridgekeeper.support;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of its own for a test that changes state: the demo vendors and households stay as other
 * tests expect them. Names are unique per call, so tests never collide in the shared database.
 */
public final class TestData {

    private final JdbcTemplate jdbc;

    public TestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long vendor(String slugPrefix) {
        String slug = unique(slugPrefix);
        return jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) "
                + "values (?, ?, 'ACTIVE', ?) returning id", Long.class, slug, "Test vendor " + slug,
                TestSecrets.sealed("test-secret"));
    }

    public long household(String name) {
        String email = unique("test-household") + "@example.com";
        long id = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, ?, '{noop}x', 'HOUSEHOLD') returning id", Long.class, email, name);
        jdbc.update("insert into account_role (account_id, role) values (?, 'END_USER')", id);
        return id;
    }

    public String email(long accountId) {
        return jdbc.queryForObject("select email from account where id = ?", String.class, accountId);
    }

    public long device(Long vendorId, long ownerId, String kind, String name) {
        return jdbc.queryForObject("insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, "
                + "state, owner_since) values (?, ?, ?, ?, ?, 'ACTIVE', now()) returning id", Long.class,
                vendorId, unique("dev"), kind, name, ownerId);
    }

    public long accountId(String email) {
        return jdbc.queryForObject("select id from account where lower(email) = lower(?)", Long.class, email);
    }

    public long vendorId(String slug) {
        return jdbc.queryForObject("select id from vendor where slug = ?", Long.class, slug);
    }
}
