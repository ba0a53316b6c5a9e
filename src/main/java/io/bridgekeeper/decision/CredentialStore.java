package io.bridgekeeper.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of service credentials and cache-key signing secrets (not the hot path's reads, which are
 * {@code DecisionState}'s). {@code ServiceCredentialService} and {@code SigningSecretService} hold the
 * rules, security and audit.
 */
@Repository
class CredentialStore {

    /** A live credential as every node holds it in memory: the key's hash and its scope. */
    record LiveCredential(long id, String name, String prefix, String hash, CredentialScope scope) {
    }

    record CredentialRef(String name, String keyPrefix, boolean revoked) {
    }

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- service credentials

    /** Every credential, live ones first, with its mismatches since {@code since}. */
    List<ServiceCredentialRow> credentials(Instant since) {
        return jdbc.sql("""
                        select c.id, c.name, c.key_prefix, c.created_at, ca.email as created_by, c.revoked_at,
                               ra.email as revoked_by, c.last_used_at, array_to_string(c.calls, ',') as calls,
                               c.rate_per_second,
                               (select string_agg(v.id || ':' || v.slug, ',' order by v.slug)
                                from service_credential_vendor sv join vendor_directory v on v.id = sv.vendor_id
                                where sv.credential_id = c.id and not c.all_vendors) as vendors,
                               (select count(*) from credential_mismatch m
                                where m.credential_id = c.id and m.occurred_at > :since) as mismatches
                        from service_credential c
                        left join account_directory ca on ca.id = c.created_by
                        left join account_directory ra on ra.id = c.revoked_by
                        order by c.revoked_at is not null, c.created_at desc
                        """)
                .param("since", Timestamp.from(since))
                .query((rs, i) -> {
                    List<Long> ids = new ArrayList<>();
                    List<String> slugs = new ArrayList<>();
                    String vendors = rs.getString("vendors");
                    if (vendors != null) {
                        for (String v : vendors.split(",")) {
                            int colon = v.indexOf(':');
                            ids.add(Long.parseLong(v.substring(0, colon)));
                            slugs.add(v.substring(colon + 1));
                        }
                    }
                    return new ServiceCredentialRow(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                            instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                            instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
                            instant(rs.getTimestamp("last_used_at")), calls(rs.getString("calls")), ids, slugs,
                            rs.getInt("rate_per_second"), rs.getLong("mismatches"));
                })
                .list();
    }

    /** The live credentials, for every node's memory. */
    List<LiveCredential> live() {
        return jdbc.sql("""
                        select c.id, c.name, c.key_prefix, c.key_hash, array_to_string(c.calls, ',') as calls,
                               c.rate_per_second,
                               (select string_agg(sv.vendor_id::text, ',') from service_credential_vendor sv
                                where sv.credential_id = c.id and not c.all_vendors) as vendor_ids
                        from service_credential c where c.revoked_at is null
                        """)
                .query((rs, i) -> {
                    Set<Long> vendorIds = new HashSet<>();
                    String ids = rs.getString("vendor_ids");
                    if (ids != null) {
                        for (String v : ids.split(",")) {
                            vendorIds.add(Long.parseLong(v));
                        }
                    }
                    return new LiveCredential(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                            rs.getString("key_hash"),
                            new CredentialScope(calls(rs.getString("calls")), vendorIds, rs.getInt("rate_per_second")));
                })
                .list();
    }

    List<CredentialVendor> vendorChoices() {
        return jdbc.sql("select id, slug from vendor_directory where status <> 'RETIRED' order by slug")
                .query(CredentialVendor.class).list();
    }

    boolean allVendorsExist(Collection<Long> vendorIds) {
        return jdbc.sql("select count(*) from vendor_directory where id = any(:ids)")
                .param("ids", vendorIds.toArray(Long[]::new)).query(Integer.class).single() == vendorIds.size();
    }

    boolean isLiveNameTaken(String name) {
        return jdbc.sql("""
                        select exists (select 1 from service_credential where lower(name) = lower(:name) and revoked_at is null)
                        """)
                .param("name", name).query(Boolean.class).single();
    }

    long insertCredential(String name, String prefix, String hash, Instant at, long by, CredentialScope scope) {
        long id = jdbc.sql("""
                        insert into service_credential (name, key_prefix, key_hash, created_at, created_by, calls,
                                                        all_vendors, rate_per_second)
                        values (:name, :prefix, :hash, :at, :by, string_to_array(:calls, ','), :all, :rate) returning id
                        """)
                .param("name", name).param("prefix", prefix).param("hash", hash).param("at", Timestamp.from(at))
                .param("by", by).param("calls", callsText(scope)).param("all", scope.allVendors())
                .param("rate", scope.ratePerSecond()).query(Long.class).single();
        insertVendors(id, scope);
        return id;
    }

    void updateScope(long id, CredentialScope scope) {
        jdbc.sql("""
                        update service_credential set calls = string_to_array(:calls, ','), all_vendors = :all,
                            rate_per_second = :rate
                        where id = :id
                        """)
                .param("calls", callsText(scope)).param("all", scope.allVendors()).param("rate", scope.ratePerSecond())
                .param("id", id).update();
        jdbc.sql("delete from service_credential_vendor where credential_id = :id").param("id", id).update();
        insertVendors(id, scope);
    }

    Optional<CredentialRef> credential(long id) {
        return jdbc.sql("select name, key_prefix, revoked_at is not null as revoked from service_credential where id = :id")
                .param("id", id).query(CredentialRef.class).optional();
    }

    void revoke(long id, Instant at, long by) {
        jdbc.sql("update service_credential set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
                .param("at", Timestamp.from(at)).param("by", by).param("id", id).update();
    }

    void touch(long id, Instant at) {
        jdbc.sql("update service_credential set last_used_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private void insertVendors(long id, CredentialScope scope) {
        for (long vendorId : scope.vendorIds()) {
            jdbc.sql("insert into service_credential_vendor (credential_id, vendor_id) values (:id, :vendor)")
                    .param("id", id).param("vendor", vendorId).update();
        }
    }

    static String callsText(CredentialScope scope) {
        return scope.calls().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<DecisionCall> calls(String text) {
        Set<DecisionCall> calls = EnumSet.noneOf(DecisionCall.class);
        for (String c : text.split(",")) {
            calls.add(DecisionCall.valueOf(c));
        }
        return calls;
    }

    // --- cache-key signing secrets

    List<SigningSecret> secrets() {
        return jdbc.sql("""
                        select s.kid, s.status, s.created_at, a.email as created_by, s.retired_at
                        from cache_key_secret s left join account_directory a on a.id = s.created_by
                        order by s.created_at desc, s.kid desc
                        """)
                .query(SigningSecret.class).list();
    }

    /** One rotation at a time, on any node. */
    void lockRotation() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('cache-key-secret-rotation'))").query().listOfRows();
    }

    /** The verify-only secret is retired; returns its id. */
    List<String> retireVerifying(Instant at) {
        return jdbc.sql("update cache_key_secret set status = 'RETIRED', retired_at = :at where status = 'VERIFY' returning kid")
                .param("at", Timestamp.from(at)).query(String.class).list();
    }

    /** The active secret only verifies from now on; returns its id. */
    Optional<String> demoteActive() {
        return jdbc.sql("update cache_key_secret set status = 'VERIFY' where status = 'ACTIVE' returning kid")
                .query(String.class).optional();
    }

    String insertActive(String sealedSecret, Instant at, long by) {
        return jdbc.sql("""
                        insert into cache_key_secret (kid, sealed_secret, status, created_at, created_by)
                        values ('k' || nextval('cache_key_secret_seq'), :sealed, 'ACTIVE', :at, :by) returning kid
                        """)
                .param("sealed", sealedSecret).param("at", Timestamp.from(at)).param("by", by)
                .query(String.class).single();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
