package io.bridgekeeper.link;

import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.device.LinkedOwner;
import io.bridgekeeper.vendor.ReachCounter.Reach;
import io.bridgekeeper.vendor.VendorAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All of the link module's SQL: account links, link codes, epoch events and unlink receipts. Rows map
 * to records by column name. The services around it hold the rules, the security and the audit; this
 * class only reads and writes, inside their transactions.
 */
@Repository
class LinkStore {

    /** A live link as unlinking needs it. */
    record Link(long id, long accountId, long vendorId, String vendorName, String externalAccountId) {
    }

    /** A link code as completing a link needs it. */
    record Code(long id, long accountId, long vendorId, Instant expiresAt, Instant usedAt) {
    }

    private static final String ROW_SELECT = """
            select l.id, l.vendor_id, v.name as vendor_name, a.email as account_email, l.external_account_id, l.status,
                   l.epoch, l.linked_at, l.unlinked_at, v.slug as vendor_slug
            from account_link l join vendor_directory v on v.id = l.vendor_id join account_directory a on a.id = l.account_id
            """;
    private static final RowMapper<LinkRow> ROW = (rs, i) -> new LinkRow(rs.getLong("id"), rs.getLong("vendor_id"),
            rs.getString("vendor_slug"), rs.getString("vendor_name"), rs.getString("account_email"),
            rs.getString("external_account_id"), LinkStatus.valueOf(rs.getString("status")), rs.getInt("epoch"),
            rs.getTimestamp("linked_at").toInstant(), instant(rs.getTimestamp("unlinked_at")));

    private final JdbcTemplate jdbc;

    LinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- the household's side

    List<LinkedAccount> liveLinksOf(long accountId) {
        return jdbc.query("""
                select l.id, l.vendor_id, v.slug as vendor_slug, v.name as vendor_name, l.external_account_id, l.status,
                       l.epoch, l.linked_at, l.needs_relink, exists (select 1 from link_token t where t.link_id = l.id) as oauth
                from account_link l join vendor_directory v on v.id = l.vendor_id
                where l.account_id = ? and l.status = 'LIVE'
                order by v.name, l.id
                """, (rs, i) -> new LinkedAccount(rs.getLong("id"), rs.getLong("vendor_id"), rs.getString("vendor_slug"),
                        rs.getString("vendor_name"), rs.getString("external_account_id"),
                        LinkStatus.valueOf(rs.getString("status")), rs.getInt("epoch"), rs.getTimestamp("linked_at").toInstant(),
                        rs.getBoolean("oauth"), rs.getBoolean("needs_relink")),
                accountId);
    }

    List<LinkableVendor> activeVendors() {
        return jdbc.query("""
                select v.id, v.slug, v.name, coalesce(o.enabled, false) as oauth
                from vendor_directory v left join vendor_oauth o on o.vendor_id = v.id
                where v.status = 'ACTIVE' order by v.name
                """, (rs, i) -> new LinkableVendor(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getBoolean("oauth")));
    }

    long insertCode(String codeHash, long accountId, long vendorId, Instant now, Instant expires) {
        return jdbc.queryForObject("""
                insert into link_code (code_hash, account_id, vendor_id, created_at, expires_at)
                values (?, ?, ?, ?, ?) returning id
                """, Long.class, codeHash, accountId, vendorId, Timestamp.from(now), Timestamp.from(expires));
    }

    // --- the staff's side

    /**
     * Newest links first, in the caller's partner scope, by external account id prefix or e-mail (a
     * prefix, or the whole address when {@code wholeEmail}).
     */
    List<LinkRow> search(VendorAccess.Scope scope, String query, boolean wholeEmail, Pageable page) {
        return search(scope, query, wholeEmail, page, null);
    }

    /** The same page, or, when {@code afterId} is set, the page's rows after that id (keyset). */
    List<LinkRow> search(VendorAccess.Scope scope, String query, boolean wholeEmail, Pageable page, Long afterId) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        scope.restrict("l.vendor_id", sql, args);
        if (query != null && !query.isBlank()) {
            // Each side takes its own newest matches (a prefix index scan, or the id order when matches are
            // dense); the page is the newest of their union. An OR across the join would scan every link.
            String prefix = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // by key, each side starts after the same id and a page's worth is enough
            long enough = (afterId == null ? page.getOffset() : 0) + Slices.fetchSize(page);
            String after = afterId == null ? "" : " and id < ?";
            sql.append("""
                     and l.id in ((select id from account_link where external_account_id like ?%s order by id desc limit ?)
                                  union all
                                  (select x.id from account_link x join account_directory xa on xa.id = x.account_id
                                   where lower(xa.email) %s ?%s order by x.id desc limit ?))
                    """.formatted(after, wholeEmail ? "=" : "like", after.replace("id", "x.id")));
            args.add(prefix);
            if (afterId != null) {
                args.add(afterId);
            }
            args.add(enough);
            args.add(wholeEmail ? query.strip().toLowerCase(Locale.ROOT) : prefix.toLowerCase(Locale.ROOT));
            if (afterId != null) {
                args.add(afterId);
            }
            args.add(enough);
        }
        Slices.orderNewestFirst("l.id", page, afterId, sql, args);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    Optional<LinkRow> row(VendorAccess.Scope scope, long linkId) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where l.id = ?");
        List<Object> args = new ArrayList<>(List.of(linkId));
        scope.restrict("l.vendor_id", sql, args);
        return jdbc.query(sql.toString(), ROW, args.toArray()).stream().findFirst();
    }

    String unlinkReason(long linkId) {
        return jdbc.queryForObject("select unlink_reason from account_link where id = ?", String.class, linkId);
    }

    /** The link's epoch changes, newest first, with the actor's e-mail as stored (the service masks it). */
    List<EpochChange> epochs(long linkId) {
        return jdbc.query("""
                select e.epoch, e.event, e.occurred_at, a.email, e.reason from link_epoch_event e
                left join account_directory a on a.id = e.actor_id where e.link_id = ? order by e.occurred_at desc, e.id desc
                """, (rs, i) -> new EpochChange(rs.getInt("epoch"), rs.getString("event"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("email"), rs.getString("reason")), linkId);
    }

    // --- linking through the partner API

    Optional<Code> lockCode(String codeHash) {
        return jdbc.query("""
                select id, account_id, vendor_id, expires_at, used_at from link_code where code_hash = ? for update
                """, (rs, i) -> new Code(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("vendor_id"),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at"))), codeHash)
                .stream().findFirst();
    }

    boolean isLinkedLive(long vendorId, String externalAccountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from account_link where vendor_id = ? and external_account_id = ? and status = 'LIVE')
                """, Boolean.class, vendorId, externalAccountId));
    }

    /** The household's latest ended link to this vendor account, locked, to relink. */
    Optional<Long> lockEndedLink(long accountId, long vendorId, String externalAccountId) {
        return jdbc.query("""
                select id from account_link where account_id = ? and vendor_id = ? and external_account_id = ?
                and status = 'ENDED' order by id desc limit 1 for update
                """, (rs, i) -> rs.getLong("id"), accountId, vendorId, externalAccountId).stream().findFirst();
    }

    /** Makes an ended link live again; returns its new epoch. */
    int relink(long linkId, Instant at) {
        return jdbc.queryForObject("""
                update account_link set status = 'LIVE', epoch = epoch + 1, linked_at = ?, unlinked_at = null,
                    unlinked_by = null, unlink_reason = null, version = version + 1
                where id = ? returning epoch
                """, Integer.class, Timestamp.from(at), linkId);
    }

    long insertLink(long accountId, long vendorId, String externalAccountId, Instant at) {
        return jdbc.queryForObject("""
                insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                values (?, ?, ?, 'LIVE', 1, ?) returning id
                """, Long.class, accountId, vendorId, externalAccountId, Timestamp.from(at));
    }

    int endLiveLinks(long accountId, long vendorId, Instant at) {
        return jdbc.update("update account_link set status = 'ENDED', unlinked_at = ?, needs_relink = false where account_id = ? and vendor_id = ? "
                + "and status = 'LIVE'", Timestamp.from(at), accountId, vendorId);
    }

    void useCode(long codeId, long linkId, Instant at) {
        jdbc.update("update link_code set used_at = ?, link_id = ? where id = ?", Timestamp.from(at), linkId, codeId);
    }

    Optional<LinkedOwner> lockLiveLink(long vendorId, String externalAccountId) {
        return jdbc.query("""
                select id, account_id, vendor_id, epoch from account_link
                where vendor_id = ? and external_account_id = ? and status = 'LIVE' for update
                """, (rs, i) -> new LinkedOwner(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("vendor_id"),
                        rs.getInt("epoch")),
                vendorId, externalAccountId).stream().findFirst();
    }

    Optional<PartnerDevice> partnerDevice(long vendorId, String vendorDeviceId) {
        return JdbcClient.create(jdbc).sql("""
                select d.vendor_device_id as id, d.kind, d.name, d.state,
                       case when d.owner_account_id is not null and l.status = 'LIVE' then l.external_account_id
                       end as external_account_id,
                       case when m.id is not null then 'PENDING_CONFIRMATION'
                            when d.owner_account_id is not null then 'CONFIRMED' else 'NONE' end as ownership,
                       ml.external_account_id as pending_external_account_id, m.requested_at as pending_since
                from device_directory d left join account_link l on l.id = d.link_id
                left join device_pending_move m on m.device_id = d.id
                left join account_link ml on ml.id = m.to_link_id
                where d.vendor_id = :vendor and d.vendor_device_id = :id
                """).param("vendor", vendorId).param("id", vendorDeviceId).query(PartnerDevice.class).optional();
    }

    // --- unlinking

    /** A live link; with {@code accountId}, only that household's; locked for the unlink when {@code lock}. */
    Optional<Link> liveLink(long linkId, Long accountId, boolean lock) {
        String sql = """
                select l.id, l.account_id, l.vendor_id, v.name as vendor_name, l.external_account_id from account_link l
                join vendor_directory v on v.id = l.vendor_id
                where l.id = ? and l.status = 'LIVE' and (?::bigint is null or l.account_id = ?::bigint)
                """ + (lock ? " for update of l" : "");
        return jdbc.query(sql, (rs, i) -> new Link(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("vendor_id"),
                rs.getString("vendor_name"), rs.getString("external_account_id")), linkId, accountId, accountId)
                .stream().findFirst();
    }

    String vendorSlug(long vendorId) {
        return jdbc.queryForObject("select slug from vendor_directory where id = ?", String.class, vendorId);
    }

    /** Ends a live link; returns its new epoch. */
    int endLink(long linkId, Instant at, Long actorId, String reason) {
        return jdbc.queryForObject("""
                update account_link set status = 'ENDED', unlinked_at = ?, unlinked_by = ?, unlink_reason = ?,
                    epoch = epoch + 1, needs_relink = false, version = version + 1
                where id = ? and status = 'LIVE' returning epoch
                """, Integer.class, Timestamp.from(at), actorId, reason, linkId);
    }

    /** Moves a link's epoch (a device was detached); returns the new one. */
    int nextEpoch(long linkId) {
        return jdbc.queryForObject("""
                update account_link set epoch = epoch + 1, version = version + 1 where id = ? returning epoch
                """, Integer.class, linkId);
    }

    void epochEvent(long linkId, int epoch, String event, Instant at, Long actorId, String reason) {
        jdbc.update("""
                insert into link_epoch_event (link_id, epoch, event, occurred_at, actor_id, reason) values (?, ?, ?, ?, ?, ?)
                """, linkId, epoch, event, Timestamp.from(at), actorId, reason);
    }

    long insertReceipt(Link link, Long deviceId, List<String> names, int epoch, Instant ended, Instant revoked,
                       long delivery) {
        return jdbc.queryForObject("""
                insert into unlink_receipt (account_id, link_id, device_id, new_epoch, created_at, access_revoked_at,
                                            webhook_delivery_id, device_names, vendor_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, link.accountId(), link.id(), deviceId, epoch, Timestamp.from(ended),
                Timestamp.from(revoked), delivery, names.toArray(String[]::new), link.vendorId());
    }

    /** A receipt's row, the household's only; {@code delivery} is its webhook delivery's id. */
    record ReceiptRow(long id, String vendorName, String externalAccountId, Long deviceId, List<String> deviceNames,
                      int newEpoch, Instant createdAt, Instant accessRevokedAt, long delivery) {
    }

    Optional<ReceiptRow> receipt(long receiptId, long accountId) {
        return jdbc.query("""
                select r.id, v.name as vendor_name, l.external_account_id, r.device_id, r.device_names, r.new_epoch, r.created_at,
                       r.access_revoked_at, r.webhook_delivery_id
                from unlink_receipt r join account_link l on l.id = r.link_id join vendor_directory v on v.id = l.vendor_id
                where r.id = ? and r.account_id = ?
                """, (rs, i) -> new ReceiptRow(rs.getLong("id"), rs.getString("vendor_name"),
                        rs.getString("external_account_id"), (Long) rs.getObject("device_id"),
                        List.of((String[]) rs.getArray("device_names").getArray()), rs.getInt("new_epoch"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("access_revoked_at").toInstant(),
                        rs.getLong("webhook_delivery_id")), receiptId, accountId)
                .stream().findFirst();
    }

    /** The household's receipts, newest first, at most {@code limit}. */
    List<ReceiptSummary> receipts(long accountId, int limit) {
        return jdbc.query("""
                select r.id, v.name as vendor_name, l.external_account_id, r.device_id is not null as device_only,
                       r.device_names, r.created_at
                from unlink_receipt r join account_link l on l.id = r.link_id join vendor_directory v on v.id = l.vendor_id
                where r.account_id = ? order by r.created_at desc, r.id desc limit ?
                """, (rs, i) -> new ReceiptSummary(rs.getLong("id"), rs.getString("vendor_name"),
                        rs.getString("external_account_id"), rs.getBoolean("device_only"),
                        List.of((String[]) rs.getArray("device_names").getArray()),
                        rs.getTimestamp("created_at").toInstant()), accountId, limit);
    }

    // --- the vendor's reach (LinkReach)

    Map<Long, Reach> reach(Collection<Long> vendorIds) {
        Map<Long, Reach> result = new HashMap<>();
        JdbcClient.create(jdbc).sql("""
                select l.vendor_id, count(distinct l.account_id) as households, count(*) as links
                from account_link l join account_directory a on a.id = l.account_id
                where l.vendor_id in (:ids) and l.status = 'LIVE' and not a.canary
                group by l.vendor_id
                """).param("ids", vendorIds).query(rs -> {
                    result.put(rs.getLong("vendor_id"), new Reach(rs.getLong("households"), rs.getLong("links"), 0, 0, 0, 0, 0));
                });
        return result;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
