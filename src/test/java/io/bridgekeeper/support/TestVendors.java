package io.bridgekeeper.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A vendor of a test's own, so tests that change vendor state never disturb the demo vendors that
 * other tests rely on. Active, with every capability, two households, cameras, a light, a display.
 */
@Component
public class TestVendors {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final JdbcTemplate jdbc;

    TestVendors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record TestVendor(long id, String slug, long householdA, long householdB, long cameraA) {
    }

    public TestVendor create(String prefix) {
        String slug = prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        long vendor = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) values (?, ?, 'ACTIVE', ?) returning id",
                Long.class, slug, "Test " + slug, TestSecrets.sealed("secret"));
        for (String cap : new String[] {"CAMERA_STREAM", "SNAPSHOT", "CONTROL"}) {
            jdbc.update("insert into vendor_capability (vendor_id, capability) values (?, ?)", vendor, cap);
        }
        long a = household(slug + "-a@example.com");
        long b = household(slug + "-b@example.com");
        long linkA = link(a, vendor, slug + "-ext-a");
        long linkB = link(b, vendor, slug + "-ext-b");
        long cameraA = device(vendor, slug + "-cam-a", "CAMERA", a, linkA);
        device(vendor, slug + "-cam-b", "CAMERA", b, linkB);
        device(vendor, slug + "-light-a", "LIGHT", a, linkA);
        return new TestVendor(vendor, slug, a, b, cameraA);
    }

    private long household(String email) {
        long id = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) values (?, ?, 'x', 'HOUSEHOLD') returning id",
                Long.class, email, email);
        jdbc.update("insert into account_role (account_id, role) values (?, 'END_USER')", id);
        return id;
    }

    private long link(long account, long vendor, String external) {
        return jdbc.queryForObject("insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at) "
                + "values (?, ?, ?, 'LIVE', 1, ?) returning id", Long.class, account, vendor, external, Timestamp.from(Instant.now()));
    }

    private long device(long vendor, String id, String kind, long owner, long link) {
        return jdbc.queryForObject("insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state) "
                + "values (?, ?, ?, ?, ?, ?, 'ACTIVE') returning id", Long.class, vendor, id, kind, id, owner, link);
    }
}
