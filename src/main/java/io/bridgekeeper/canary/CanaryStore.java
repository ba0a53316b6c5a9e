package io.bridgekeeper.canary;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import io.bridgekeeper.vendor.VendorStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of canary households: the module's own table, {@code canary_household}, and its reads
 * through the views other modules publish (the canary's account and devices, the vendor's silence
 * limit, the probes among the delivery observations). Creating and withdrawing a canary's account,
 * link and devices goes through those modules' services ({@code CanaryService}).
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
        return jdbc.sql("select id, slug, status from vendor_directory where id = ?").param(vendorId)
                .query(VendorRef.class).optional().orElse(null);
    }

    int count(long vendorId) {
        return jdbc.sql("select count(*) from canary_household where vendor_id = ?").param(vendorId)
                .query(Integer.class).single();
    }

    void insert(long vendorId, long accountId, Long enrolledBy, Instant at) {
        jdbc.sql("insert into canary_household (vendor_id, account_id, enrolled_at, enrolled_by) values (?, ?, ?, ?)")
                .param(vendorId).param(accountId).param(Timestamp.from(at)).param(enrolledBy).update();
    }

    boolean delete(long vendorId, long accountId) {
        return jdbc.sql("delete from canary_household where vendor_id = ? and account_id = ?")
                .param(vendorId).param(accountId).update() == 1;
    }

    int silenceSeconds(long vendorId) {
        return jdbc.sql("select canary_silence_seconds from vendor_directory where id = ?")
                .param(vendorId).query(Integer.class).optional().orElse(900);
    }

    List<CanaryHousehold> health(long vendorId, Instant now, int silenceSeconds) {
        Timestamp day = Timestamp.from(now.minusSeconds(86_400));
        Timestamp silentBefore = Timestamp.from(now.minusSeconds(silenceSeconds));
        return jdbc.sql("""
                        select c.account_id, a.display_name as name,
                               (select d.vendor_device_id from device_directory d where d.owner_account_id = c.account_id
                                  and d.vendor_id = c.vendor_id order by d.id limit 1) as camera_id,
                               (select d.vendor_device_id from device_directory d where d.owner_account_id = c.account_id
                                  and d.vendor_id is null order by d.id limit 1) as display_id,
                               c.enrolled_at, p.last_probe_at, coalesce(p.probes, 0) as probes,
                               coalesce(p.failures, 0) as failures
                        from canary_household c join account_directory a on a.id = c.account_id
                        left join lateral (
                            select max(o.observed_at) as last_probe_at,
                                   count(*) filter (where o.observed_at > :day) as probes,
                                   count(*) filter (where o.observed_at > :day and o.outcome = 'VIOLATION') as failures
                            from probe_observation o
                            where o.vendor_id = c.vendor_id
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

    /** The canaries' probes per stage of one of the vendor's rollouts. */
    List<StageProbes> stages(long vendorId, long rolloutId) {
        return jdbc.sql("""
                        select rollout_percent as percent, count(*) as probes,
                               count(*) filter (where outcome = 'VIOLATION') as failures,
                               max(observed_at) as last_probe_at
                        from probe_observation
                        where vendor_id = ? and rollout_id = ? and rollout_percent is not null
                        group by rollout_percent order by rollout_percent""")
                .param(vendorId).param(rolloutId).query(StageProbes.class).list();
    }
}
