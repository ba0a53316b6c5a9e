package io.bridgekeeper.decision;

import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who asked for a household's device and what the decision API answered, as {@link AccessLog} counted it:
 * a household reads only what was asked while the device was its own, and sees only its own displays by
 * name (another home's display is "another home", never named).
 */
@Service
@Transactional(readOnly = true)
public class AccessHistory {

    /** One line of a device's history as its household reads it. */
    public record Entry(Instant minute, Instant lastAt, String display, DisplayWhere where, String capability,
                        boolean shown, DenyReason reason, long answers) {
    }

    /** Where the asking display was, as far as the household may know. */
    public enum DisplayWhere { MINE, LEFT_MY_HOME, ANOTHER_HOME, UNKNOWN }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Duration retention;

    private final Clock clock;

    AccessHistory(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, Clock clock,
                  @Value(AccessHistoryPartitions.RETENTION) Duration retention) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * How long entries are kept ({@code bridgekeeper.retention.access-history}). The table drops whole months
     * (V121), so older rows may linger until their month goes; the reads never show them.
     */
    public Duration retention() {
        return retention;
    }

    /**
     * The most recent {@code limit} minutes' entries about one of the signed-in household's devices, newest
     * first, only from while it was theirs. Another household's device reads as no history at all.
     */
    @RolesAllowed(Roles.END_USER)
    public List<Entry> ofMyDevice(long deviceId, int limit) {
        long me = currentUser.id();
        return jdbc.query("""
                select a.minute, a.last_at, a.capability, a.outcome, a.reason, a.answers,
                       a.display_device_id, a.display_owner_account_id, d.name as display_name,
                       d.owner_account_id as display_owner_now
                from device_access a
                left join device_directory d on d.id = a.display_device_id
                where a.device_id = :device and a.owner_account_id = :me and a.minute >= :since
                order by a.minute desc, a.last_at desc
                limit :limit""", new MapSqlParameterSource("device", deviceId).addValue("me", me)
                .addValue("since", java.sql.Timestamp.from(clock.instant().minus(retention)))
                .addValue("limit", Math.clamp(limit, 1, 500)), (rs, n) -> {
            long displayOwner = rs.getLong("display_owner_account_id");
            boolean hadOwner = !rs.wasNull();
            long ownerNow = rs.getLong("display_owner_now");
            boolean hasOwnerNow = !rs.wasNull();
            rs.getLong("display_device_id");
            boolean knownDisplay = !rs.wasNull();
            DisplayWhere where = !knownDisplay ? DisplayWhere.UNKNOWN
                    : hadOwner && displayOwner == me ? (hasOwnerNow && ownerNow == me ? DisplayWhere.MINE : DisplayWhere.LEFT_MY_HOME)
                    : DisplayWhere.ANOTHER_HOME;
            String reason = rs.getString("reason");
            return new Entry(rs.getTimestamp("minute").toInstant(), rs.getTimestamp("last_at").toInstant(),
                    where == DisplayWhere.MINE ? rs.getString("display_name") : null, where, rs.getString("capability"),
                    "ALLOW".equals(rs.getString("outcome")), reason == null ? null : DenyReason.valueOf(reason),
                    rs.getLong("answers"));
        });
    }
}
