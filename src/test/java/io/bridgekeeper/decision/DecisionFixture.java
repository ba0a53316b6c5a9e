package io.bridgekeeper.decision;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestSecrets;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A vendor of the test's own for decision tests: active with every capability and a stable cache
 * version, and households that each own a linked camera and a platform display. Rows are written
 * directly; the decision state learns of them through the database's NOTIFY like in production.
 */
@Component
public class DecisionFixture {

    private final JdbcTemplate jdbc;
    private final DecisionState state;
    private final ServiceCredentialService credentials;
    private final RunAs runAs;

    DecisionFixture(JdbcTemplate jdbc, DecisionState state, ServiceCredentialService credentials, RunAs runAs) {
        this.jdbc = jdbc;
        this.state = state;
        this.credentials = credentials;
        this.runAs = runAs;
    }

    public record Vendor(long id, String slug, long stableVersionId, String stableLabel) {
    }

    /**
     * A household with a live link to the vendor, one camera through it and one platform display; it
     * signs in (for {@code RunAs}) with {@code email}.
     */
    public record Household(long accountId, String email, long linkId, String cameraId, long cameraRowId,
                            String displayId) {
    }

    public Vendor vendor(String prefix) {
        Vendor v = vendorNotYetSynced(prefix);
        sync();
        return v;
    }

    /** The vendor's rows, committed; this node's memory may not have them yet. */
    public Vendor vendorNotYetSynced(String prefix) {
        String slug = TestData.unique(prefix);
        long id = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) values (?, ?, 'ACTIVE', ?) returning id",
                Long.class, slug, "Decision " + slug, TestSecrets.sealed("s"));
        for (String cap : new String[] {"CAMERA_STREAM", "SNAPSHOT", "CONTROL"}) {
            jdbc.update("insert into vendor_capability (vendor_id, capability) values (?, ?)", id, cap);
        }
        long version = jdbc.queryForObject("insert into cache_version (vendor_id, label, stable) values (?, 'v1', true) returning id",
                Long.class, id);
        return new Vendor(id, slug, version, "v1");
    }

    public Household household(Vendor v) {
        String tag = TestData.unique("hh");
        long account = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) values (?, ?, 'x', 'HOUSEHOLD') returning id",
                Long.class, tag + "@example.com", tag);
        jdbc.update("insert into account_role (account_id, role) values (?, 'END_USER')", account);
        long link = jdbc.queryForObject("""
                insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                values (?, ?, ?, 'LIVE', 1, now()) returning id""", Long.class, account, v.id(), tag + "-ext");
        String camera = tag + "-cam";
        long cameraRow = jdbc.queryForObject("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                values (?, ?, 'CAMERA', 'Camera', ?, ?, 'ACTIVE', now()) returning id""", Long.class, v.id(), camera, account, link);
        String display = tag + "-display";
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since)
                values (null, ?, 'DISPLAY', 'Display', ?, 'ACTIVE', now())""", display, account);
        return new Household(account, tag + "@example.com", link, camera, cameraRow, display);
    }

    /**
     * A rollout of a new version {@code v2} of the vendor, running its first stage (10 %), with a bake of
     * 60 s and a guard that needs 10 deliveries; the decision state has it when this returns.
     */
    public long runningRollout(Vendor v) {
        long target = jdbc.queryForObject("insert into cache_version (vendor_id, label) values (?, 'v2') returning id",
                Long.class, v.id());
        long author = jdbc.queryForObject("select id from account where email = ?", Long.class, DemoAccounts.ADMIN);
        long rollout = jdbc.queryForObject("""
                insert into rollout (vendor_id, from_version_id, to_version_id, state, salt, current_stage, bake_seconds,
                                     min_deliveries, error_rate_threshold, no_data_seconds, created_by, created_at)
                values (?, ?, ?, 'RUNNING', 'salt', 0, 60, 10, 0.05, 600, ?, now()) returning id""",
                Long.class, v.id(), v.stableVersionId(), target, author);
        jdbc.update("insert into rollout_stage (rollout_id, stage_index, percent) values (?, 0, 10)", rollout);
        jdbc.update("update rollout set version = version + 1 where id = ?", rollout);
        sync();
        return rollout;
    }

    /**
     * A new admin of the test's own, for a node started without the demo data; signs in (for {@code RunAs})
     * with the returned e-mail.
     */
    public String admin() {
        String email = TestData.unique("admin") + "@example.com";
        long id = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, 'Test admin', 'x', 'STAFF') returning id", Long.class, email);
        jdbc.update("insert into account_role (account_id, role) values (?, 'ADMIN')", id);
        return email;
    }

    /** A fresh service credential, created by the demo admin. */
    public String credential() {
        return runAs.as(DemoAccounts.ADMIN, () -> credentials.create(TestData.unique("test data plane")).key());
    }

    /** A credential at the highest rate an admin may give, for load that is meant to exceed the default. */
    public String unthrottledCredential() {
        return runAs.as(DemoAccounts.ADMIN, () -> credentials.create(TestData.unique("benchmark data plane"),
                new CredentialScope(java.util.EnumSet.allOf(DecisionCall.class), java.util.Set.of(),
                        CredentialScope.MAX_RATE)).key());
    }

    /**
     * Waits until this node's decision memory has every committed change; after a test that cut the LISTEN
     * connection, first until the node listens again (memory is not current before).
     */
    public void sync() {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!state.trusted() && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
        state.awaitCurrent(Duration.ofSeconds(10));
    }
}
