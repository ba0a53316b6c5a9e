package io.bridgekeeper.demo;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two isolation canaries for the demo's camera vendor (issue 15), each with a camera and a display and
 * a probe every 20 minutes over the last day, so the vendor page's canary card has something to show.
 * They are synthetic: marked canary, unable to sign in, left out of the 300 demo households' counts.
 */
@Component
class DemoCanaries {

    private final JdbcTemplate jdbc;

    DemoCanaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void seed(long vendorId, String slug, long admin, Instant now) {
        Timestamp enrolled = Timestamp.from(now.minusSeconds(3 * 86_400));
        for (int n = 1; n <= 2; n++) {
            long account = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind, canary) "
                    + "values (?, ?, '!', 'HOUSEHOLD', true) returning id", Long.class,
                    "canary-" + slug + "-demo" + n + "@canary.bridgekeeper.invalid", "Canary " + slug + " #" + n);
            long link = jdbc.queryForObject("insert into account_link (account_id, vendor_id, external_account_id, "
                    + "status, epoch, linked_at) values (?, ?, ?, 'LIVE', 1, ?) returning id", Long.class,
                    account, vendorId, "canary-demo" + n, enrolled);
            long camera = jdbc.queryForObject("insert into device (vendor_id, vendor_device_id, kind, name, "
                    + "owner_account_id, link_id, state, owner_since) values (?, ?, 'CAMERA', 'Canary camera', ?, ?, "
                    + "'ACTIVE', ?) returning id", Long.class, vendorId, "canary-cam-demo" + n, account, link, enrolled);
            long display = jdbc.queryForObject("insert into device (vendor_id, vendor_device_id, kind, name, "
                    + "owner_account_id, state, owner_since) values (null, ?, 'DISPLAY', 'Canary display', ?, 'ACTIVE', ?) "
                    + "returning id", Long.class, "canary-display-demo" + n, account, enrolled);
            jdbc.update("insert into device_ownership (device_id, owner_account_id, link_id, link_epoch, started_at, "
                    + "start_reason) values (?, ?, ?, 1, ?, 'LINKED'), (?, ?, null, null, ?, 'CREATED')",
                    camera, account, link, enrolled, display, account, enrolled);
            jdbc.update("insert into canary_household (vendor_id, account_id, enrolled_at, enrolled_by) "
                    + "values (?, ?, ?, ?)", vendorId, account, enrolled, admin);
            jdbc.update("""
                    insert into delivery_observation (received_at, observed_at, reported_by, vendor_id,
                        display_device_id, content_device_id, display_owner_account_id, content_owner_account_id,
                        cache_key_owner_account_id, probe, outcome)
                    select t, t, 'DATA_PLANE', ?, ?, ?, ?, ?, ?, true, 'OK'
                    from generate_series(?::timestamptz - interval '24 hours', ?::timestamptz, interval '20 minutes') t
                    """, vendorId, display, camera, account, account, account, Timestamp.from(now.minusSeconds(60 * n)),
                    Timestamp.from(now.minusSeconds(60 * n)));
        }
    }
}
