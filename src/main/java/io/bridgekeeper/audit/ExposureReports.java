package io.bridgekeeper.audit;

import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exposure report of an incident, computed from its {@code isolation_violation} rows with the
 * owners recorded at the time of each violation (not today's owners, which may have changed since).
 * Admins only: it names households.
 */
@Service
@Transactional(readOnly = true)
public class ExposureReports {

    static final String[] CSV_HEADER = {"exposed_account_id", "exposed_household", "exposed_email", "exposed_devices",
        "viewer_account_id", "viewer_household", "viewer_email", "viewer_devices", "first_at", "last_at", "times",
        "reasons"};

    private static final String PAIRS = """
            select iv.source_owner_account_id as exposed_id, sa.email as exposed_email, sa.display_name as exposed_name,
                   string_agg(distinct sd.name || ' #' || sd.id, ', ') as exposed_devices,
                   iv.target_owner_account_id as viewer_id, ta.email as viewer_email, ta.display_name as viewer_name,
                   string_agg(distinct td.name || ' #' || td.id, ', ') as viewer_devices,
                   min(iv.occurred_at) as first_at, max(iv.occurred_at) as last_at, count(*) as times,
                   string_agg(distinct iv.reason, ', ') as reasons
            from isolation_violation iv
            left join account_directory sa on sa.id = iv.source_owner_account_id
            left join account_directory ta on ta.id = iv.target_owner_account_id
            left join device_directory sd on sd.id = iv.source_device_id
            left join device_directory td on td.id = iv.target_device_id
            where iv.incident_id = ?
            group by iv.source_owner_account_id, sa.email, sa.display_name,
                     iv.target_owner_account_id, ta.email, ta.display_name
            order by count(*) desc, min(iv.occurred_at)
            """;

    private final JdbcTemplate jdbc;

    ExposureReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @RolesAllowed(Roles.ADMIN)
    public ExposureReport of(long incidentId) {
        List<ExposureReport.Row> rows = jdbc.query(PAIRS, (rs, i) -> row(rs), incidentId);
        return jdbc.queryForObject("""
                select count(*) as violations,
                       count(distinct iv.source_owner_account_id) filter (where not coalesce(sa.canary, false)) as exposed,
                       count(distinct iv.target_owner_account_id) filter (where not coalesce(ta.canary, false)) as viewing,
                       (select count(*) from (
                            select source_owner_account_id from isolation_violation
                            where incident_id = ? and source_owner_account_id is not null
                            union
                            select target_owner_account_id from isolation_violation
                            where incident_id = ? and target_owner_account_id is not null) h
                        join account_directory a on a.id = h.source_owner_account_id where not a.canary) as affected,
                       (select count(*) from (
                            select source_owner_account_id from isolation_violation
                            where incident_id = ? and source_owner_account_id is not null
                            union
                            select target_owner_account_id from isolation_violation
                            where incident_id = ? and target_owner_account_id is not null) h
                        join account_directory a on a.id = h.source_owner_account_id where a.canary) as canaries,
                       min(iv.occurred_at) as first_at, max(iv.occurred_at) as last_at
                from isolation_violation iv
                left join account_directory sa on sa.id = iv.source_owner_account_id
                left join account_directory ta on ta.id = iv.target_owner_account_id
                where iv.incident_id = ?
                """, (rs, i) -> new ExposureReport(incidentId, rs.getLong("violations"), rs.getLong("exposed"),
                        rs.getLong("viewing"), rs.getLong("affected"), rs.getLong("canaries"),
                        instant(rs.getTimestamp("first_at")), instant(rs.getTimestamp("last_at")), rows),
                incidentId, incidentId, incidentId, incidentId, incidentId);
    }

    /** Writes the report's pairs as CSV, one row per exposed → viewing household pair. */
    @RolesAllowed(Roles.ADMIN)
    public void exportCsv(long incidentId, OutputStream out) {
        try {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get()
                    .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            jdbc.query(PAIRS, rs -> {
                ExposureReport.Row r = row(rs);
                try {
                    csv.printRecord(r.exposedAccountId(), r.exposedHousehold(), r.exposedEmail(),
                            r.exposedDevices(), r.viewerAccountId(), r.viewerHousehold(), r.viewerEmail(),
                            r.viewerDevices(), r.firstAt(), r.lastAt(), r.times(), r.reasons());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, incidentId);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExposureReport.Row row(ResultSet rs) throws SQLException {
        return new ExposureReport.Row((Long) rs.getObject("exposed_id"), name(rs.getString("exposed_name")),
                rs.getString("exposed_email"), rs.getString("exposed_devices"), (Long) rs.getObject("viewer_id"),
                name(rs.getString("viewer_name")), rs.getString("viewer_email"), rs.getString("viewer_devices"),
                instant(rs.getTimestamp("first_at")), instant(rs.getTimestamp("last_at")), rs.getLong("times"),
                rs.getString("reasons"));
    }

    /** A device without an owner at the time (a platform display not yet set up) has no household. */
    private static String name(String displayName) {
        return displayName == null ? "no household" : displayName;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
