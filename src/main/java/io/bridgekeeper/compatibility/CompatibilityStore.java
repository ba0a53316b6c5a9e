package io.bridgekeeper.compatibility;

import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorAccess;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The compatibility module's SQL. */
@Component
class CompatibilityStore {

    /** A model on a surface: the open revocation, or certified for some version, or only declared. */
    private static final String PAIR_STATUS = """
            case when os.id is not null then 'REVOKED'
                 when exists (select 1 from certification ce where ce.model_id = m.id and ce.surface_code = s.code
                              and ce.status = 'CERTIFIED') then 'CERTIFIED'
                 else 'DECLARED' end""";

    private static final String CERTIFIED_VERSIONS = """
            array(select cv2.label from certification ce join cache_version_directory cv2 on cv2.id = ce.cache_version_id
                  where ce.model_id = m.id and ce.surface_code = s.code and ce.status = 'CERTIFIED'
                  order by cv2.id desc)""";

    private static final String ROWS = """
            select * from (
                select c.id, m.vendor_id, v.slug as vendor_slug, v.name as vendor_name, m.id as model_id,
                       m.code as model_code, m.name as model_name, s.code as surface_code, s.name as surface_name,
                       s.position, c.capability, cv.label as since_version, %s as status, %s as certified_versions,
                       os.reason as revoked_reason
                from compatibility c
                join device_model m on m.id = c.model_id
                join vendor_directory v on v.id = m.vendor_id
                join surface s on s.code = c.surface_code
                join cache_version_directory cv on cv.id = c.since_version_id
                left join certification_suspension os on os.model_id = m.id and os.surface_code = s.code
                                                      and os.lifted_at is null
            ) t where true""".formatted(PAIR_STATUS, CERTIFIED_VERSIONS);

    private final JdbcClient jdbc;

    CompatibilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- surfaces

    List<Surface> surfaces() {
        return jdbc.sql("select code, name, capabilities from surface order by position, code")
                .query((rs, i) -> new Surface(rs.getString(1), rs.getString(2), capabilities(rs.getArray(3)))).list();
    }

    // --- models

    private static final String MODEL = """
            select m.id, m.vendor_id, v.name as vendor_name, m.code, m.name, m.kind, m.capabilities, m.registered_at
            from device_model m join vendor_directory v on v.id = m.vendor_id
            """;

    private static final RowMapper<DeviceModel> MODEL_ROW = (rs, i) -> new DeviceModel(rs.getLong("id"),
            rs.getLong("vendor_id"), rs.getString("vendor_name"), rs.getString("code"), rs.getString("name"),
            rs.getString("kind"), capabilities(rs.getArray("capabilities")), rs.getTimestamp("registered_at").toInstant());

    List<DeviceModel> models(long vendorId) {
        return jdbc.sql(MODEL + " where m.vendor_id = ? order by m.code").param(vendorId).query(MODEL_ROW).list();
    }

    Optional<DeviceModel> model(long vendorId, String code) {
        return jdbc.sql(MODEL + " where m.vendor_id = ? and m.code = ?").params(vendorId, code).query(MODEL_ROW).optional();
    }

    Optional<DeviceModel> model(long modelId) {
        return jdbc.sql(MODEL + " where m.id = ?").param(modelId).query(MODEL_ROW).optional();
    }

    long insertModel(long vendorId, String code, String name, String kind, Set<Capability> capabilities, Instant at,
                     Long by) {
        return jdbc.sql("""
                        insert into device_model (vendor_id, code, name, kind, capabilities, registered_at, registered_by)
                        values (?, ?, ?, ?, ?::text[], ?, ?) returning id""")
                .params(vendorId, code, name, kind, names(capabilities), Timestamp.from(at), by)
                .query(Long.class).single();
    }

    /** The vendor's cache version with this label: its id, or empty. */
    Optional<Long> versionId(long vendorId, String label) {
        return jdbc.sql("select id from cache_version_directory where vendor_id = ? and label = ?")
                .params(vendorId, label).query(Long.class).optional();
    }

    record Version(long id, long vendorId, String label) {
    }

    Optional<Version> version(long versionId) {
        return jdbc.sql("select id, vendor_id, label from cache_version_directory where id = ?").param(versionId)
                .query((rs, i) -> new Version(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    List<Version> versions(long vendorId) {
        return jdbc.sql("select id, vendor_id, label from cache_version_directory where vendor_id = ? order by id desc")
                .param(vendorId).query((rs, i) -> new Version(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    Set<Capability> vendorCapabilities(long vendorId) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        jdbc.sql("select capability from vendor_capability_directory where vendor_id = ?").param(vendorId)
                .query(String.class).list().forEach(c -> out.add(Capability.valueOf(c)));
        return out;
    }

    // --- entries

    /** Inserts the entry, or moves an existing one's "since" version; returns its id and the earlier version's label. */
    record Upsert(long id, String previousSince) {
    }

    Upsert upsertEntry(long modelId, String surface, Capability capability, long sinceVersionId, Instant at, Long by) {
        String previous = jdbc.sql("""
                        select cv.label from compatibility c join cache_version_directory cv on cv.id = c.since_version_id
                        where c.model_id = ? and c.surface_code = ? and c.capability = ? for update of c""")
                .params(modelId, surface, capability.name()).query(String.class).optional().orElse(null);
        long id = jdbc.sql("""
                        insert into compatibility (model_id, surface_code, capability, since_version_id, declared_at, declared_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (model_id, surface_code, capability)
                        do update set since_version_id = excluded.since_version_id, declared_at = excluded.declared_at,
                                      declared_by = excluded.declared_by
                        returning id""")
                .params(modelId, surface, capability.name(), sinceVersionId, Timestamp.from(at), by)
                .query(Long.class).single();
        return new Upsert(id, previous);
    }

    boolean hasEntries(long modelId, String surface) {
        return jdbc.sql("select exists (select 1 from compatibility where model_id = ? and surface_code = ?)")
                .params(modelId, surface).query(Boolean.class).single();
    }

    // --- the table

    List<CompatibilityRow> rows(VendorAccess.Scope scope, CompatibilityFilter filter, int limit, long offset) {
        StringBuilder sql = new StringBuilder(ROWS);
        List<Object> args = new ArrayList<>();
        where(scope, filter, sql, args);
        sql.append(" order by vendor_name, model_code, position, capability limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.sql(sql.toString()).params(args).query(CompatibilityStore::row).list();
    }

    long count(VendorAccess.Scope scope, CompatibilityFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from (" + ROWS);
        List<Object> args = new ArrayList<>();
        where(scope, filter, sql, args);
        sql.append(") n");
        return jdbc.sql(sql.toString()).params(args).query(Long.class).single();
    }

    /** Rows of one model (every surface), whatever their status: for the model's own vendor and for households. */
    List<CompatibilityRow> rowsOfModel(long vendorId, String modelCode) {
        return jdbc.sql(ROWS + " and vendor_id = ? and model_code = ? order by position, capability")
                .params(vendorId, modelCode).query(CompatibilityStore::row).list();
    }

    /** Rows of the vendor's models, whatever their status. */
    List<CompatibilityRow> rowsOfVendor(long vendorId) {
        return jdbc.sql(ROWS + " and vendor_id = ? order by model_code, position, capability")
                .param(vendorId).query(CompatibilityStore::row).list();
    }

    /**
     * Only certified and revoked entries are public; entries a vendor has declared and no admin has looked at yet
     * are seen by admins and the vendor's own partner managers alone.
     */
    private static void where(VendorAccess.Scope scope, CompatibilityFilter filter, StringBuilder sql, List<Object> args) {
        if (!scope.everyVendor()) {
            if (scope.vendorIds().isEmpty()) {
                sql.append(" and status <> 'DECLARED'");
            } else {
                sql.append(" and (status <> 'DECLARED' or vendor_id = any (?))");
                args.add(scope.vendorIds().toArray(Long[]::new));
            }
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" and (lower(vendor_name) like ? or lower(model_code) like ? or lower(model_name) like ?)");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (filter.vendorId() != null) {
            sql.append(" and vendor_id = ?");
            args.add(filter.vendorId());
        }
        if (filter.surface() != null && !filter.surface().isBlank()) {
            sql.append(" and surface_code = ?");
            args.add(filter.surface());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().name());
        }
    }

    private static CompatibilityRow row(ResultSet rs, int i) throws SQLException {
        Array versions = rs.getArray("certified_versions");
        return new CompatibilityRow(rs.getLong("id"), rs.getLong("vendor_id"), rs.getString("vendor_slug"),
                rs.getString("vendor_name"), rs.getLong("model_id"), rs.getString("model_code"), rs.getString("model_name"),
                rs.getString("surface_code"), rs.getString("surface_name"), Capability.valueOf(rs.getString("capability")),
                rs.getString("since_version"), CertificationStatus.valueOf(rs.getString("status")),
                versions == null ? List.of() : List.of((String[]) versions.getArray()), rs.getString("revoked_reason"));
    }

    // --- certification

    /** Certifies the pair for the version (again, when it was revoked); returns the certification's id. */
    long certify(long modelId, String surface, long versionId, Instant at, long by) {
        return jdbc.sql("""
                        insert into certification (model_id, surface_code, cache_version_id, status, certified_at, certified_by)
                        values (?, ?, ?, 'CERTIFIED', ?, ?)
                        on conflict (model_id, surface_code, cache_version_id)
                        do update set status = 'CERTIFIED', certified_at = excluded.certified_at,
                                      certified_by = excluded.certified_by, revoked_at = null, revoked_by = null,
                                      revoke_reason = null
                        returning id""")
                .params(modelId, surface, versionId, Timestamp.from(at), by).query(Long.class).single();
    }

    boolean isCertified(long modelId, String surface, long versionId) {
        return jdbc.sql("""
                        select exists (select 1 from certification where model_id = ? and surface_code = ?
                                       and cache_version_id = ? and status = 'CERTIFIED')""")
                .params(modelId, surface, versionId).query(Boolean.class).single();
    }

    /** The labels of the versions the pair is certified for now, newest first. */
    List<String> certifiedVersions(long modelId, String surface) {
        return jdbc.sql("""
                        select cv.label from certification c join cache_version_directory cv on cv.id = c.cache_version_id
                        where c.model_id = ? and c.surface_code = ? and c.status = 'CERTIFIED' order by cv.id desc""")
                .params(modelId, surface).query(String.class).list();
    }

    /** Marks every certification of the pair revoked; returns the labels of the versions that were certified. */
    List<String> revokeAll(long modelId, String surface, String reason, Instant at, long by) {
        return jdbc.sql("""
                        update certification c set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ?
                        from cache_version_directory cv
                        where cv.id = c.cache_version_id and c.model_id = ? and c.surface_code = ? and c.status = 'CERTIFIED'
                        returning cv.label""")
                .params(Timestamp.from(at), by, reason, modelId, surface).query(String.class).list();
    }

    /** The open suspension of the pair, locked: its id and reason. */
    Optional<String> openSuspensionReason(long modelId, String surface) {
        return jdbc.sql("""
                        select reason from certification_suspension where model_id = ? and surface_code = ?
                        and lifted_at is null for update""")
                .params(modelId, surface).query(String.class).optional();
    }

    long openSuspension(long modelId, String surface, String reason, Instant at, long by) {
        return jdbc.sql("""
                        insert into certification_suspension (model_id, surface_code, reason, opened_at, opened_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(modelId, surface, reason, Timestamp.from(at), by).query(Long.class).single();
    }

    int liftSuspension(long modelId, String surface, Instant at, long by) {
        return jdbc.sql("""
                        update certification_suspension set lifted_at = ?, lifted_by = ?
                        where model_id = ? and surface_code = ? and lifted_at is null""")
                .params(Timestamp.from(at), by, modelId, surface).update();
    }

    /** Serialises changes to one model's certifications (the pair's rows may not exist yet). */
    void lockModel(long modelId) {
        jdbc.sql("select id from device_model where id = ? for update").param(modelId).query(Long.class).single();
    }

    RevocationReach reach(long vendorId, String modelCode) {
        return jdbc.sql("""
                        select count(*), count(distinct owner_account_id) from device_directory
                        where vendor_id = ? and model_code = ? and state <> 'REMOVED'""")
                .params(vendorId, modelCode)
                .query((rs, i) -> new RevocationReach(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Pairs certified for {@code fromVersionId} (what households have now) and not for {@code toVersionId}: what a
     * rollout from one to the other would leave uncertified.
     */
    List<String[]> certifiedOnlyFor(long vendorId, long fromVersionId, long toVersionId) {
        return jdbc.sql("""
                        select m.code, s.name, s.code as surface_code from certification c
                        join device_model m on m.id = c.model_id
                        join surface s on s.code = c.surface_code
                        where m.vendor_id = ? and c.cache_version_id = ? and c.status = 'CERTIFIED'
                          and not exists (select 1 from certification c2 where c2.model_id = c.model_id
                                          and c2.surface_code = c.surface_code and c2.cache_version_id = ?
                                          and c2.status = 'CERTIFIED')
                        order by m.code, s.position""")
                .params(vendorId, fromVersionId, toVersionId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    static Set<Capability> capabilities(Array array) throws SQLException {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(Capability::valueOf).forEach(out::add);
        }
        return out;
    }

    private static String[] names(Set<Capability> capabilities) {
        return capabilities.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    Optional<Long> vendorId(String slug) {
        return jdbc.sql("select id from vendor_directory where slug = ?").param(slug).query(Long.class).optional();
    }
}
