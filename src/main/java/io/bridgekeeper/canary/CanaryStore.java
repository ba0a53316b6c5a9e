package io.bridgekeeper.canary;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.bridgekeeper.vendor.VendorStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of canary households: the module's own table, {@code canary_household}, and the synthetic
 * account, link and devices each canary gets (issue 20 will route these through the owning modules'
 * services once they offer a system-side way to create them); probes are read from the observations.
 */
@Repository
class CanaryStore {

    private final JdbcClient jdbc;

    CanaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record VendorRef(long id, String slug, VendorStatus status) {
    }

    VendorRef vendor(long vendorId) {
        return jdbc.sql("select id, slug, status from vendor where id = ?").param(vendorId)
                .query(VendorRef.class).optional().orElse(null);
    }

    int count(long vendorId) {
        return jdbc.sql("select count(*) from canary_household where vendor_id = ?").param(vendorId)
                .query(Integer.class).single();
    }

    /**
     * A synthetic household that cannot sign in (no role, an unusable password), marked canary, with a
     * live link to the vendor, one camera through it and one platform display. Returns its account id.
     */
    long create(VendorRef vendor, int number, Long enrolledBy, Instant now) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Timestamp at = Timestamp.from(now);
        long account = jdbc.sql("""
                        insert into account (email, display_name, password_hash, kind, canary)
                        values (?, ?, '!', 'HOUSEHOLD', true) returning id""")
                .param("canary-" + vendor.slug() + "-" + tag + "@canary.bridgekeeper.invalid")
                .param("Canary " + vendor.slug() + " #" + number)
                .query(Long.class).single();
        long link = jdbc.sql("""
                        insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                        values (?, ?, ?, 'LIVE', 1, ?) returning id""")
                .param(account).param(vendor.id()).param("canary-" + tag).param(at)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                        values (?, ?, 'CAMERA', 'Canary camera', ?, ?, 'ACTIVE', ?)""")
                .param(vendor.id()).param("canary-cam-" + tag).param(account).param(link).param(at).update();
        jdbc.sql("""
                        insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since)
                        values (null, ?, 'DISPLAY', 'Canary display', ?, 'ACTIVE', ?)""")
                .param("canary-display-" + tag).param(account).param(at).update();
        jdbc.sql("insert into canary_household (vendor_id, account_id, enrolled_at, enrolled_by) values (?, ?, ?, ?)")
                .param(vendor.id()).param(account).param(at).param(enrolledBy).update();
        return account;
    }

    /** The canary's link ends and its devices are removed; it stays on the record as an account. */
    boolean withdraw(long vendorId, long accountId, Instant now) {
        int removed = jdbc.sql("delete from canary_household where vendor_id = ? and account_id = ?")
                .param(vendorId).param(accountId).update();
        if (removed == 0) {
            return false;
        }
        jdbc.sql("update account_link set status = 'ENDED', unlinked_at = ? where account_id = ? and vendor_id = ? "
                + "and status = 'LIVE'").param(Timestamp.from(now)).param(accountId).param(vendorId).update();
        jdbc.sql("update device set state = 'REMOVED', updated_at = ? where owner_account_id = ? "
                + "and (vendor_id = ? or vendor_id is null) and state <> 'REMOVED'")
                .param(Timestamp.from(now)).param(accountId).param(vendorId).update();
        return true;
    }

    int silenceSeconds(long vendorId) {
        return jdbc.sql("select canary_silence_seconds from vendor_violation_policy where vendor_id = ?")
                .param(vendorId).query(Integer.class).optional().orElse(900);
    }

    List<CanaryHousehold> health(long vendorId, Instant now, int silenceSeconds) {
        Timestamp day = Timestamp.from(now.minusSeconds(86_400));
        Timestamp silentBefore = Timestamp.from(now.minusSeconds(silenceSeconds));
        return jdbc.sql("""
                        select c.account_id, a.display_name as name,
                               (select d.vendor_device_id from device d where d.owner_account_id = c.account_id
                                  and d.vendor_id = c.vendor_id order by d.id limit 1) as camera_id,
                               (select d.vendor_device_id from device d where d.owner_account_id = c.account_id
                                  and d.vendor_id is null order by d.id limit 1) as display_id,
                               c.enrolled_at, p.last_probe_at, coalesce(p.probes, 0) as probes,
                               coalesce(p.failures, 0) as failures
                        from canary_household c join account a on a.id = c.account_id
                        left join lateral (
                            select max(o.observed_at) as last_probe_at,
                                   count(*) filter (where o.observed_at > :day) as probes,
                                   count(*) filter (where o.observed_at > :day and o.outcome = 'VIOLATION') as failures
                            from delivery_observation o
                            where o.vendor_id = c.vendor_id and o.probe
                              and (o.display_owner_account_id = c.account_id or o.content_owner_account_id = c.account_id)
                        ) p on true
                        where c.vendor_id = :vendor
                        order by c.enrolled_at, c.account_id""")
                .param("day", day).param("vendor", vendorId)
                .query((rs, i) -> {
                    Timestamp last = rs.getTimestamp("last_probe_at");
                    Instant enrolled = rs.getTimestamp("enrolled_at").toInstant();
                    // silent: no probe within the limit, counted from enrolment for a canary never probed yet
                    Instant since = last != null ? last.toInstant() : enrolled;
                    return new CanaryHousehold(rs.getLong("account_id"), rs.getString("name"),
                            rs.getString("camera_id"), rs.getString("display_id"), enrolled,
                            last == null ? null : last.toInstant(), rs.getLong("probes"), rs.getLong("failures"),
                            since.isBefore(silentBefore.toInstant()));
                })
                .list();
    }

    Long vendorOfRollout(long rolloutId) {
        return jdbc.sql("select vendor_id from rollout where id = ?").param(rolloutId).query(Long.class)
                .optional().orElse(null);
    }

    List<StageProbes> stages(long rolloutId) {
        return jdbc.sql("""
                        select rollout_percent as percent, count(*) as probes,
                               count(*) filter (where outcome = 'VIOLATION') as failures,
                               max(observed_at) as last_probe_at
                        from delivery_observation
                        where rollout_id = ? and probe and rollout_percent is not null
                        group by rollout_percent order by rollout_percent""")
                .param(rolloutId).query(StageProbes.class).list();
    }
}
