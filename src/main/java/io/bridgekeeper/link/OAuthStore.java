package io.bridgekeeper.link;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of linking by OAuth: the vendors' authorization servers ({@code vendor_oauth}), the tokens of
 * live links ({@code link_token}) and the revocations of unlinked ones ({@code token_revocation}).
 * Every token and client secret here is sealed; the services seal and unseal.
 */
@Repository
class OAuthStore {

    /** A vendor's authorization server with its sealed client secret, as the OAuth client needs it. */
    record Server(long vendorId, String vendorSlug, String vendorName, boolean vendorActive, boolean enabled,
                  String authorizationUri, String tokenUri, String revocationUri, String devicesUri, String clientId,
                  String sealedSecret, List<String> scopes, boolean pkce, Instant updatedAt) {
    }

    /** A live link's tokens, sealed. */
    record Tokens(long linkId, long accountId, long vendorId, String externalAccountId, String sealedAccess,
                  Instant accessExpiresAt, String sealedRefresh, int refreshFailures, long version) {
    }

    /** A revocation due now, with its sealed tokens. */
    record Revocation(long id, long linkId, long vendorId, String sealedAccess, String sealedRefresh, int attempts,
                      Instant createdAt) {
    }

    private static final String SERVER_SELECT = """
            select o.vendor_id, v.slug, v.name, v.status = 'ACTIVE' as vendor_active, o.enabled, o.authorization_uri,
                   o.token_uri, o.revocation_uri, o.devices_uri, o.client_id, o.client_secret, o.scopes, o.pkce, o.updated_at
            from vendor_oauth o join vendor_directory v on v.id = o.vendor_id
            """;

    private static final String TOKENS_SELECT = """
            select t.link_id, l.account_id, l.vendor_id, l.external_account_id, t.access_token, t.access_expires_at,
                   t.refresh_token, t.refresh_failures, t.version
            from link_token t join account_link l on l.id = t.link_id
            """;

    private final JdbcTemplate jdbc;

    OAuthStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- the vendor's authorization server

    Optional<Server> server(long vendorId) {
        return jdbc.query(SERVER_SELECT + " where o.vendor_id = ?", OAuthStore::server, vendorId).stream().findFirst();
    }

    Optional<Server> serverBySlug(String slug) {
        return jdbc.query(SERVER_SELECT + " where v.slug = ?", OAuthStore::server, slug).stream().findFirst();
    }

    /** Active vendors that link by OAuth. */
    List<Long> oauthVendors() {
        return jdbc.queryForList("""
                select o.vendor_id from vendor_oauth o join vendor_directory v on v.id = o.vendor_id
                where o.enabled and v.status = 'ACTIVE'
                """, Long.class);
    }

    void saveServer(long vendorId, boolean enabled, String authorizationUri, String tokenUri, String revocationUri,
                    String devicesUri, String clientId, String sealedSecret, List<String> scopes, boolean pkce,
                    Instant at, Long actor) {
        jdbc.update("""
                insert into vendor_oauth (vendor_id, enabled, authorization_uri, token_uri, revocation_uri, devices_uri,
                                          client_id, client_secret, scopes, pkce, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (vendor_id) do update set enabled = excluded.enabled,
                    authorization_uri = excluded.authorization_uri, token_uri = excluded.token_uri,
                    revocation_uri = excluded.revocation_uri, devices_uri = excluded.devices_uri,
                    client_id = excluded.client_id, client_secret = excluded.client_secret, scopes = excluded.scopes,
                    pkce = excluded.pkce, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = vendor_oauth.version + 1
                """, vendorId, enabled, authorizationUri, tokenUri, revocationUri, devicesUri, clientId, sealedSecret,
                scopes.toArray(String[]::new), pkce, Timestamp.from(at), actor);
    }

    /** The vendor's server locked for a change. */
    Optional<Server> lockServer(long vendorId) {
        return jdbc.query(SERVER_SELECT + " where o.vendor_id = ? for update of o", OAuthStore::server, vendorId)
                .stream().findFirst();
    }

    // --- tokens of live links

    void insertTokens(long linkId, String sealedAccess, Instant expiresAt, String sealedRefresh, List<String> scopes,
                      Instant at) {
        jdbc.update("""
                insert into link_token (link_id, access_token, access_expires_at, refresh_token, scopes, obtained_at, pulled_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (link_id) do update set access_token = excluded.access_token,
                    access_expires_at = excluded.access_expires_at, refresh_token = excluded.refresh_token,
                    scopes = excluded.scopes, obtained_at = excluded.obtained_at, refreshed_at = null,
                    refresh_failures = 0, next_refresh_at = null, last_refresh_error = null, pulled_at = excluded.pulled_at,
                    pull_requested_at = null, last_pull_error = null, version = link_token.version + 1
                """, linkId, sealedAccess, ts(expiresAt), sealedRefresh, scopes.toArray(String[]::new), Timestamp.from(at),
                Timestamp.from(at));
    }

    Optional<Tokens> tokens(long linkId) {
        return jdbc.query(TOKENS_SELECT + " where t.link_id = ?", OAuthStore::tokens, linkId).stream().findFirst();
    }

    Optional<Tokens> lockTokens(long linkId) {
        return jdbc.query(TOKENS_SELECT + " where t.link_id = ? and l.status = 'LIVE' for update of t",
                OAuthStore::tokens, linkId).stream().findFirst();
    }

    /** Live links whose access token expires before {@code horizon} and may be refreshed now. */
    List<Long> refreshDue(Instant horizon, Instant now, int limit) {
        return jdbc.queryForList("""
                select t.link_id from link_token t join account_link l on l.id = t.link_id
                where l.status = 'LIVE' and not l.needs_relink and t.refresh_token is not null
                  and t.access_expires_at < ? and (t.next_refresh_at is null or t.next_refresh_at <= ?)
                order by t.access_expires_at limit ?
                """, Long.class, Timestamp.from(horizon), Timestamp.from(now), limit);
    }

    /** Stores refreshed tokens if nobody changed them since {@code version}; false when the link was unlinked meanwhile. */
    boolean refreshed(long linkId, long version, String sealedAccess, Instant expiresAt, String sealedRefresh, Instant at) {
        return jdbc.update("""
                update link_token set access_token = ?, access_expires_at = ?, refresh_token = coalesce(?, refresh_token),
                    refreshed_at = ?, refresh_failures = 0, next_refresh_at = null, last_refresh_error = null,
                    version = version + 1
                where link_id = ? and version = ?
                """, sealedAccess, ts(expiresAt), sealedRefresh, Timestamp.from(at), linkId, version) == 1;
    }

    void refreshFailed(long linkId, String error, Instant next) {
        jdbc.update("""
                update link_token set refresh_failures = refresh_failures + 1, last_refresh_error = ?, next_refresh_at = ?,
                    version = version + 1
                where link_id = ?
                """, error, Timestamp.from(next), linkId);
    }

    /** The vendor refused the refresh: the link is live but must be linked again. */
    int markNeedsRelink(long linkId, String error) {
        jdbc.update("update link_token set last_refresh_error = ?, version = version + 1 where link_id = ?", error, linkId);
        return jdbc.update("""
                update account_link set needs_relink = true, version = version + 1
                where id = ? and status = 'LIVE' and not needs_relink
                """, linkId);
    }

    void clearNeedsRelink(long linkId) {
        jdbc.update("update account_link set needs_relink = false, version = version + 1 where id = ? and needs_relink",
                linkId);
    }

    /** Live OAuth links whose devices are due to be pulled: asked for by the vendor, or not pulled for {@code every}. */
    List<Long> pullDue(Instant pulledBefore, int limit) {
        return jdbc.queryForList("""
                select t.link_id from link_token t join account_link l on l.id = t.link_id
                where l.status = 'LIVE' and not l.needs_relink
                  and (t.pull_requested_at is not null or t.pulled_at is null or t.pulled_at < ?)
                order by t.pull_requested_at nulls last, t.pulled_at nulls first limit ?
                """, Long.class, Timestamp.from(pulledBefore), limit);
    }

    void pulled(long linkId, Instant at, String error) {
        jdbc.update("""
                update link_token set pulled_at = ?, pull_requested_at = null, last_pull_error = ? where link_id = ?
                """, Timestamp.from(at), error, linkId);
    }

    /** The vendor hinted that an account's devices changed; false when that account is not linked by OAuth. */
    boolean requestPull(long vendorId, String externalAccountId, Instant at) {
        return jdbc.update("""
                update link_token set pull_requested_at = ? where link_id = (
                    select id from account_link where vendor_id = ? and external_account_id = ? and status = 'LIVE')
                """, Timestamp.from(at), vendorId, externalAccountId) == 1;
    }

    // --- revocation at the vendor on unlink

    /**
     * Moves a link's tokens into a revocation for its unlink receipt, in the unlink's transaction; returns
     * the revocation's id, or empty when the link holds no tokens (a link by code).
     */
    Optional<Long> queueRevocation(long linkId, Long receiptId, Instant at) {
        Optional<Long> id = jdbc.query("""
                insert into token_revocation (receipt_id, link_id, vendor_id, access_token, refresh_token, status,
                                              created_at, next_attempt_at)
                select ?, t.link_id, l.vendor_id, t.access_token, t.refresh_token, 'PENDING', ?, ?
                from link_token t join account_link l on l.id = t.link_id where t.link_id = ?
                returning id
                """, (rs, i) -> rs.getLong(1), receiptId, Timestamp.from(at), Timestamp.from(at), linkId).stream().findFirst();
        jdbc.update("delete from link_token where link_id = ?", linkId);
        return id;
    }

    /** Tokens obtained after the link ended (a refresh racing the unlink): revoked with the same receipt. */
    void queueLateRevocation(long linkId, long vendorId, String sealedAccess, String sealedRefresh, Instant at) {
        jdbc.update("""
                insert into token_revocation (receipt_id, link_id, vendor_id, access_token, refresh_token, status,
                                              created_at, next_attempt_at)
                values ((select max(id) from unlink_receipt where link_id = ? and device_id is null), ?, ?, ?, ?,
                        'PENDING', ?, ?)
                """, linkId, linkId, vendorId, sealedAccess, sealedRefresh, Timestamp.from(at), Timestamp.from(at));
    }

    /** Revocations due now, locked; another node's worker skips them. */
    List<Revocation> lockDueRevocations(Instant now, int limit) {
        return jdbc.query("""
                select id, link_id, vendor_id, access_token, refresh_token, attempts, created_at from token_revocation
                where status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                order by next_attempt_at limit ? for update skip locked
                """, (rs, i) -> new Revocation(rs.getLong("id"), rs.getLong("link_id"), rs.getLong("vendor_id"),
                rs.getString("access_token"), rs.getString("refresh_token"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant()), Timestamp.from(now), limit);
    }

    /**
     * A final outcome. Revoked (or nothing to revoke at): the tokens are wiped. Failed: they stay sealed, so an
     * admin can send the revocation again once the vendor is back.
     */
    void revocationFinished(long id, TokenRevocationState.Status status, String answer, Instant at) {
        boolean wipe = status != TokenRevocationState.Status.FAILED;
        jdbc.update("""
                update token_revocation set status = ?, attempts = attempts + 1, last_answer = ?, finished_at = ?,
                    next_attempt_at = null,
                    access_token = case when ? then null else access_token end,
                    refresh_token = case when ? then null else refresh_token end
                where id = ?
                """, status.name(), answer, Timestamp.from(at), wipe, wipe, id);
    }

    void revocationRetry(long id, String answer, Instant next) {
        jdbc.update("""
                update token_revocation set status = 'RETRYING', attempts = attempts + 1, last_answer = ?, next_attempt_at = ?
                where id = ?
                """, answer, Timestamp.from(next), id);
    }

    /** Failed revocations of the vendor go back to the queue, due now; returns how many. */
    int retryFailedRevocations(long vendorId, Instant now) {
        return jdbc.update("""
                update token_revocation set status = 'RETRYING', next_attempt_at = ?, finished_at = null, created_at = ?
                where vendor_id = ? and status = 'FAILED' and (access_token is not null or refresh_token is not null)
                """, Timestamp.from(now), Timestamp.from(now), vendorId);
    }

    Optional<TokenRevocationState> revocationOfReceipt(long receiptId) {
        return jdbc.query("""
                select id, status, attempts, last_answer, next_attempt_at, finished_at from token_revocation
                where receipt_id = ? order by id limit 1
                """, (rs, i) -> new TokenRevocationState(rs.getLong("id"),
                TokenRevocationState.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_answer"), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("finished_at"))), receiptId).stream().findFirst();
    }

    /** What an admin watches on the vendor's page: links needing re-linking, revocations open and failed. */
    record Health(long links, long needsRelink, long revocationsOpen, long revocationsFailed) {
    }

    Health health(long vendorId) {
        return jdbc.queryForObject("""
                select (select count(*) from link_token t join account_link l on l.id = t.link_id
                        where l.vendor_id = ? and l.status = 'LIVE') as links,
                       (select count(*) from account_link where vendor_id = ? and status = 'LIVE' and needs_relink) as relink,
                       (select count(*) from token_revocation where vendor_id = ? and status in ('PENDING', 'RETRYING')) as open,
                       (select count(*) from token_revocation where vendor_id = ? and status = 'FAILED') as failed
                """, (rs, i) -> new Health(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                vendorId, vendorId, vendorId, vendorId);
    }

    private static Server server(ResultSet rs, int i) throws SQLException {
        return new Server(rs.getLong("vendor_id"), rs.getString("slug"), rs.getString("name"),
                rs.getBoolean("vendor_active"), rs.getBoolean("enabled"), rs.getString("authorization_uri"),
                rs.getString("token_uri"), rs.getString("revocation_uri"), rs.getString("devices_uri"),
                rs.getString("client_id"), rs.getString("client_secret"), strings(rs.getArray("scopes")),
                rs.getBoolean("pkce"), rs.getTimestamp("updated_at").toInstant());
    }

    private static Tokens tokens(ResultSet rs, int i) throws SQLException {
        return new Tokens(rs.getLong("link_id"), rs.getLong("account_id"), rs.getLong("vendor_id"),
                rs.getString("external_account_id"), rs.getString("access_token"),
                instant(rs.getTimestamp("access_expires_at")), rs.getString("refresh_token"),
                rs.getInt("refresh_failures"), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
