package io.bridgekeeper.link;

import jakarta.annotation.security.PermitAll;
import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.base.db.Slices;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account links between households and vendor accounts: the household's side and the staff's. */
@Service
@Transactional(readOnly = true)
public class LinkService {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final LinkStore store;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final DeviceOwnership ownership;
    private final AuditLog audit;
    private final Clock clock;

    LinkService(LinkStore store, CurrentUser currentUser, DeviceOwnership ownership, AuditLog audit, Clock clock,
                VendorAccess access) {
        this.store = store;
        this.access = access;
        this.currentUser = currentUser;
        this.ownership = ownership;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A canary household's live link to the vendor (system-side, for the canary module's enrolment, which
     * checks its caller): no code, no epoch event and no webhook, as a canary is nobody's real account.
     */
    @PermitAll
    @Transactional
    public long linkCanary(long accountId, long vendorId, String externalAccountId) {
        long id = store.insertLink(accountId, vendorId, externalAccountId, clock.instant());
        audit.record(LinkAuditAction.CANARY_LINKED, "account_link", id, vendorId, null,
                Map.of("accountId", accountId, "externalAccountId", externalAccountId));
        return id;
    }

    /** Ends a canary household's live link to the vendor (system-side, for the canary's withdrawal). */
    @PermitAll
    @Transactional
    public void endCanaryLink(long accountId, long vendorId) {
        int ended = store.endLiveLinks(accountId, vendorId, clock.instant());
        audit.record(LinkAuditAction.CANARY_LINK_ENDED, "account", accountId, vendorId, null, Map.of("linksEnded", ended));
    }

    /** The signed-in household's live links; the household scope is the caller's own account, always. */
    @RolesAllowed(Roles.END_USER)
    public List<LinkedAccount> myLiveLinks() {
        return store.liveLinksOf(currentUser.id());
    }

    /** Vendors whose accounts a household may link now. */
    @RolesAllowed(Roles.END_USER)
    public List<LinkableVendor> linkableVendors() {
        return store.activeVendors();
    }

    /**
     * Starts linking an account of this vendor: a one-time code the household gives the vendor's app,
     * valid for {@link #CODE_LIFETIME}; the vendor completes the link with it through the partner API.
     */
    @RolesAllowed(Roles.END_USER)
    @Transactional
    public NewLinkCode startLink(long vendorId) {
        LinkableVendor vendor = linkableVendors().stream().filter(v -> v.id() == vendorId).findFirst()
                .orElseThrow(() -> DomainException.invalid("vendor-not-linkable", new Refusal("refusal.link.vendor-not-linkable")));
        if (vendor.oauth()) {
            throw DomainException.invalid("vendor-links-by-oauth", new Refusal("refusal.link.vendor-links-by-oauth",
                    vendor.name()));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_LIFETIME);
        String code = LinkCodes.newCode();
        long id = store.insertCode(LinkCodes.hash(code), currentUser.id(), vendorId, now, expires);
        audit.record(LinkAuditAction.LINK_CODE_CREATED, "link_code", id, vendorId, null, Map.of("expiresAt", expires.toString()));
        return new NewLinkCode(code, vendor.name(), expires);
    }

    /**
     * Links for staff, newest first, by account e-mail or external account id (prefix, any case);
     * partner managers only their vendors'. A Slice: no count over the whole table.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<LinkRow> search(String query, Pageable page) {
        return search(query, page, null);
    }

    /** The same page read by key: when {@code afterId} is set, the rows after that id; the offset is not used. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public Slice<LinkRow> search(String query, Pageable page, Long afterId) {
        // partner managers see e-mails masked, so they match only a whole address: a prefix search would
        // let them rebuild the masked part letter by letter
        List<LinkRow> rows = new ArrayList<>(store.search(access.scope(), query, !currentUser.isAdmin(), page, afterId)
                .stream().map(this::masked).toList());
        return Slices.of(rows, page);
    }

    /** A link with its devices and epoch history; outside the caller's vendors, "not found". */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public LinkDetail detail(long linkId) {
        LinkRow row = store.row(access.scope(), linkId).map(this::masked)
                .orElseThrow(() -> DomainException.notFound("link-not-found", new Refusal("refusal.link.link-not-found", String.valueOf(linkId))));
        List<EpochChange> epochs = store.epochs(linkId).stream().map(e -> new EpochChange(e.epoch(), e.event(),
                e.occurredAt(), visibleEmail(e.actorEmail()), e.reason())).toList();
        return new LinkDetail(row, store.unlinkReason(linkId), ownership.devicesOfLink(linkId), epochs);
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
}
