package io.bridgekeeper.replay;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated households of one vendor, written in a few set-based statements (10,000 in about a
 * second): each with a live link, one camera through it and one platform display in the living room.
 */
final class ReplayHomes {

    /** A household as the data plane knows it. */
    record Home(long accountId, String cameraId, String displayId) {
    }

    private ReplayHomes() {
    }

    static List<Home> seed(JdbcTemplate jdbc, long vendorId, String tag, int households) {
        String pattern = tag + "-%@replay.test";
        jdbc.update("""
                insert into account (email, display_name, password_hash, kind)
                select ? || '-' || g || '@replay.test', 'Replay household ' || g, 'x', 'HOUSEHOLD'
                from generate_series(1, ?) g""", tag, households);
        jdbc.update("""
                insert into account_role (account_id, role)
                select id, 'END_USER' from account where email like ?""", pattern);
        jdbc.update("""
                insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                select id, ?, 'ext-' || id, 'LIVE', 1, now() from account where email like ?""", vendorId, pattern);
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                select l.vendor_id, 'cam-' || a.id, 'CAMERA', 'Nursery camera', a.id, l.id, 'ACTIVE', now()
                from account a join account_link l on l.account_id = a.id and l.vendor_id = ?
                where a.email like ?""", vendorId, pattern);
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since)
                select null, ? || '-display-' || id, 'DISPLAY', 'Living room display', id, 'ACTIVE', now()
                from account where email like ?""", tag, pattern);
        return jdbc.query("select id from account where email like ? order by id",
                (rs, i) -> new Home(rs.getLong("id"), "cam-" + rs.getLong("id"), tag + "-display-" + rs.getLong("id")),
                pattern);
    }
}
