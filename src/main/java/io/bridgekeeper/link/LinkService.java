package io.bridgekeeper.link;

import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account links between households and vendor accounts: the household's side and the staff's. */
@Service
@Transactional(readOnly = true)
public class LinkService {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private static final String ROW_SELECT = """
            select l.id, l.vendor_id, v.name as vendor_name, a.email as account_email, l.external_account_id, l.status,
                   l.epoch, l.linked_at, l.unlinked_at, v.slug as vendor_slug
            from account_link l join vendor v on v.id = l.vendor_id join account a on a.id = l.account_id
            """;
    private static final RowMapper<LinkRow> ROW = (rs, i) -> new LinkRow(rs.getLong("id"), rs.getLong("vendor_id"),
            rs.getString("vendor_slug"), rs.getString("vendor_name"), rs.getString("account_email"),
            rs.getString("external_account_id"), LinkStatus.valueOf(rs.getString("status")), rs.getInt("epoch"),
            rs.getTimestamp("linked_at").toInstant(),
            rs.getTimestamp("unlinked_at") == null ? null : rs.getTimestamp("unlinked_at").toInstant());

    private final JdbcTemplate jdbc;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final DeviceOwnership ownership;
    private final AuditLog audit;
    private final Clock clock;

    LinkService(JdbcTemplate jdbc, CurrentUser currentUser, DeviceOwnership ownership, AuditLog audit, Clock clock,
                VendorAccess access) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUser = currentUser;
        this.ownership = ownership;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in household's live links; the household scope is the caller's own account, always. */
    @RolesAllowed(Roles.END_USER)
    public List<LinkedAccount> myLiveLinks() {
        return jdbc.query("""
                select l.id, l.vendor_id, v.slug as vendor_slug, v.name as vendor_name, l.external_account_id, l.status,
                       l.epoch, l.linked_at
                from account_link l join vendor v on v.id = l.vendor_id
                where l.account_id = ? and l.status = 'LIVE'
                order by v.name, l.id
                """, (rs, i) -> new LinkedAccount(rs.getLong("id"), rs.getLong("vendor_id"), rs.getString("vendor_slug"),
                        rs.getString("vendor_name"), rs.getString("external_account_id"),
                        LinkStatus.valueOf(rs.getString("status")), rs.getInt("epoch"), rs.getTimestamp("linked_at").toInstant()),
                currentUser.id());
    }

    /** Vendors whose accounts a household may link now. */
    @RolesAllowed(Roles.END_USER)
    public List<LinkableVendor> linkableVendors() {
        return jdbc.query("select id, slug, name from vendor where status = 'ACTIVE' order by name",
                (rs, i) -> new LinkableVendor(rs.getLong("id"), rs.getString("slug"), rs.getString("name")));
    }

    /**
     * Starts linking an account of this vendor: a one-time code the household gives the vendor's app,
     * valid for {@link #CODE_LIFETIME}; the vendor completes the link with it through the partner API.
     */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public NewLinkCode startLink(long vendorId) {
        LinkableVendor vendor = linkableVendors().stream().filter(v -> v.id() == vendorId).findFirst()
                .orElseThrow(() -> DomainException.invalid("vendor-not-linkable",
                        "That vendor cannot be linked right now."));
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_LIFETIME);
        String code = LinkCodes.newCode();
        Long id = jdbc.queryForObject("""
                insert into link_code (code_hash, account_id, vendor_id, created_at, expires_at)
                values (?, ?, ?, ?, ?) returning id
                """, Long.class, LinkCodes.hash(code), currentUser.id(), vendorId, Timestamp.from(now),
                Timestamp.from(expires));
        audit.record(LinkAuditAction.LINK_CODE_CREATED, "link_code", id, vendorId, null, Map.of("expiresAt", expires.toString()));
        return new NewLinkCode(code, vendor.name(), expires);
    }

    /**
     * Links for staff, newest first, by account e-mail or external account id (prefix, any case);
     * partner managers only their vendors'. A Slice: no count over the whole table.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<LinkRow> search(String query, Pageable page) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where true");
        List<Object> args = new ArrayList<>();
        scope(sql, args);
        if (query != null && !query.isBlank()) {
            // Each side takes its own newest matches (a prefix index scan, or the id order when matches are
            // dense); the page is the newest of their union. An OR across the join would scan every link.
            String prefix = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            long enough = page.getOffset() + Slices.fetchSize(page);
            // partner managers see e-mails masked, so they match only a whole address: a prefix search would
            // let them rebuild the masked part letter by letter
            boolean wholeEmail = !currentUser.isAdmin();
            sql.append("""
                     and l.id in ((select id from account_link where external_account_id like ? order by id desc limit ?)
                                  union all
                                  (select x.id from account_link x join account xa on xa.id = x.account_id
                                   where lower(xa.email) %s ? order by x.id desc limit ?))
                    """.formatted(wholeEmail ? "=" : "like"));
            args.add(prefix);
            args.add(enough);
            args.add(wholeEmail ? query.strip().toLowerCase(Locale.ROOT) : prefix.toLowerCase(Locale.ROOT));
            args.add(enough);
        }
        sql.append(" order by l.id desc limit ? offset ?");
        args.add(Slices.fetchSize(page));
        args.add(page.getOffset());
        List<LinkRow> rows = new ArrayList<>(jdbc.query(sql.toString(), ROW, args.toArray()).stream()
                .map(this::masked).toList());
        return Slices.of(rows, page);
    }

    /** A link with its devices and epoch history; outside the caller's vendors, "not found". */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public LinkDetail detail(long linkId) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append(" where l.id = ?");
        List<Object> args = new ArrayList<>(List.of(linkId));
        scope(sql, args);
        LinkRow row = jdbc.query(sql.toString(), ROW, args.toArray()).stream().map(this::masked).findFirst()
                .orElseThrow(() -> DomainException.notFound("link-not-found", "No link " + linkId + " for you."));
        String reason = jdbc.queryForObject("select unlink_reason from account_link where id = ?", String.class, linkId);
        List<EpochChange> epochs = jdbc.query("""
                select e.epoch, e.event, e.occurred_at, a.email, e.reason from link_epoch_event e
                left join account a on a.id = e.actor_id where e.link_id = ? order by e.occurred_at desc, e.id desc
                """, (rs, i) -> new EpochChange(rs.getInt("epoch"), rs.getString("event"),
                rs.getTimestamp("occurred_at").toInstant(), visibleEmail(rs.getString("email")), rs.getString("reason")),
                linkId);
        return new LinkDetail(row, reason, ownership.devicesOfLink(linkId), epochs);
    }

    /**
     * Partner managers see a household's e-mail masked ("h•••@example.com"): enough to confirm a support
     * case with the household, not a list of addresses. Admins see it whole.
     */
    private String visibleEmail(String email) {
        if (email == null || currentUser.isAdmin()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }

    private LinkRow masked(LinkRow l) {
        return new LinkRow(l.id(), l.vendorId(), l.vendorSlug(), l.vendorName(), visibleEmail(l.accountEmail()),
                l.externalAccountId(),
                l.status(), l.epoch(), l.linkedAt(), l.unlinkedAt());
    }

    /** Partner managers: only their vendors. */
    private void scope(StringBuilder sql, List<Object> args) {
        access.scope().restrict("l.vendor_id", sql, args);
    }
}
