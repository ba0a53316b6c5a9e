package io.bridgekeeper.rollout;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A test vendor of a test's own with a partner manager of its own (who signs in with the demo
 * password), a stable cache version and a newer one, so rollout tests never touch the demo rollout.
 */
@Component
public class RolloutFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final TestVendors vendors;
    private final RunAs run;
    private final RolloutService rollouts;
    private final VendorApiKeyService keys;

    RolloutFixtures(JdbcTemplate jdbc, TestVendors vendors, RunAs run, RolloutService rollouts,
                    VendorApiKeyService keys) {
        this.jdbc = jdbc;
        this.vendors = vendors;
        this.run = run;
        this.rollouts = rollouts;
        this.keys = keys;
    }

    public record Setup(TestVendor vendor, String partner, long stableVersion, long targetVersion, String targetLabel) {
        public long vendorId() {
            return vendor.id();
        }
    }

    public Setup vendor(String prefix) {
        TestVendor v = vendors.create(prefix);
        String partner = v.slug() + "-pm@partner.test";
        String hash = jdbc.queryForObject("select password_hash from account where email = ?", String.class,
                DemoAccounts.CAMERA_PARTNER);
        long account = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, ?, ?, 'STAFF') returning id", Long.class, partner, "Pat " + SEQ.incrementAndGet(), hash);
        jdbc.update("insert into account_role (account_id, role) values (?, 'PARTNER_MANAGER')", account);
        jdbc.update("insert into vendor_partner_manager (vendor_id, account_id) values (?, ?)", v.id(), account);
        long stable = jdbc.queryForObject("insert into cache_version (vendor_id, label, stable) values (?, '1.0', true) "
                + "returning id", Long.class, v.id());
        long target = jdbc.queryForObject("insert into cache_version (vendor_id, label, description) "
                + "values (?, '2.0', 'Faster snapshots') returning id", Long.class, v.id());
        return new Setup(v, partner, stable, target, "2.0");
    }

    public NewRollout plan(Setup s, List<Integer> stages, int bakeSeconds, long minDeliveries, String threshold,
                           int noDataSeconds) {
        return new NewRollout(s.vendorId(), s.targetVersion(), new StagePlan(stages), bakeSeconds, minDeliveries,
                new BigDecimal(threshold), noDataSeconds);
    }

    /** Created and submitted by the partner manager, approved by an admin, started by the partner manager. */
    public long running(Setup s, NewRollout plan) {
        long id = approved(s, plan);
        run.as(s.partner(), () -> rollouts.start(id));
        return id;
    }

    public long approved(Setup s, NewRollout plan) {
        long id = run.as(s.partner(), () -> {
            long created = rollouts.create(plan);
            rollouts.submit(created);
            return created;
        });
        run.as(DemoAccounts.ADMIN, () -> rollouts.approve(id, "canary stage looked healthy"));
        return id;
    }

    /** Pretends the current stage started (and is observed since) at {@code at}. */
    public void stageStartedAt(long rolloutId, Instant at) {
        jdbc.update("update rollout set stage_started_at = ?, observed_since = ?, started_at = ? where id = ?",
                Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), rolloutId);
    }

    /** Vendor telemetry for each minute in [from, from + minutes). */
    public void telemetry(Setup s, long versionId, Instant from, int minutes, long deliveriesPerMinute,
                          long errorsPerMinute) {
        // telemetry is partitioned by month (V121) and the application creates only the months it keeps:
        // a back-dated test needs its months first
        jdbc.queryForList("select history_create_month('telemetry', d::date) from generate_series("
                + "date_trunc('month', ?::timestamptz at time zone 'UTC'), ?::timestamptz at time zone 'UTC', interval '1 month') d",
                Timestamp.from(from), Timestamp.from(from.plusSeconds(60L * minutes)));
        for (int m = 0; m < minutes; m++) {
            jdbc.update("insert into telemetry (vendor_id, cache_version_id, minute, source, deliveries, errors) "
                    + "values (?, ?, ?, 'VENDOR', ?, ?)", s.vendorId(), versionId,
                    Timestamp.from(from.plusSeconds(60L * m)), deliveriesPerMinute, errorsPerMinute);
        }
    }

    public String apiKey(Setup s) {
        return run.as(DemoAccounts.ADMIN, () -> keys.create(s.vendorId(), "telemetry").secret());
    }

    public String state(long rolloutId) {
        return jdbc.queryForObject("select state from rollout where id = ?", String.class, rolloutId);
    }

    public int stage(long rolloutId) {
        return jdbc.queryForObject("select current_stage from rollout where id = ?", Integer.class, rolloutId);
    }
}
