package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.SlugConfirmation;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.device.DeviceRef;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.webhook.WebhookEvent;
import io.bridgekeeper.webhook.WebhookOutbox;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unlinking that is complete and provable, in one transaction: the link ends (or one device is
 * detached), the epoch moves so every cache key issued before is dead, the household's ownership
 * ends at once, a DISCONNECT webhook is queued in the outbox, and a receipt records each step.
 */
@Service
@Transactional
public class UnlinkService {

    record Link(long id, long accountId, long vendorId, String vendorName, String externalAccountId) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final DeviceOwnership ownership;
    private final WebhookOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    UnlinkService(JdbcTemplate jdbc, CurrentUser currentUser, DeviceOwnership ownership, WebhookOutbox outbox,
                  AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.ownership = ownership;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What unlinking this (own, live) link would do. */
    @RolesAllowed(Roles.END_USER)
    @Transactional(readOnly = true)
    public UnlinkPreview preview(long linkId) {
        Link link = liveLink(linkId, currentUser.id(), false);
        return new UnlinkPreview(link.id(), link.vendorName(), link.externalAccountId(), ownership.devicesOfLink(linkId));
    }

    /** The household unlinks one of its vendor accounts; returns the receipt's id. */
    @RolesAllowed(Roles.END_USER)
    public long unlink(long linkId) {
        Link link = liveLink(linkId, currentUser.id(), true);
        return endLink(link, LinkAuditAction.UNLINKED, "unlinked by the household");
    }

    /** An admin ends a household's link, with a reason; the household gets the receipt. */
    @RolesAllowed(Roles.ADMIN)
    public long forceUnlink(long linkId, String reason, String typedSlug) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "Give a reason for the force-unlink.");
        }
        Link link = liveLink(linkId, null, true);
        SlugConfirmation.require(typedSlug, jdbc.queryForObject("select slug from vendor where id = ?", String.class,
                link.vendorId()));
        return endLink(link, LinkAuditAction.FORCE_UNLINKED, "force-unlinked by an admin: " + reason.strip());
    }

    /** The household unlinks one device; the rest of the vendor account stays linked. Returns the receipt's id. */
    @RolesAllowed(Roles.END_USER)
    public long unlinkDevice(long deviceId) {
        long me = currentUser.id();
        DeviceRef device = ownership.requireOwned(deviceId, me);
        if (device.linkId() == null) {
            throw DomainException.conflict("device-not-linked",
                    "'" + device.name() + "' did not come through a vendor account, so there is nothing to unlink.");
        }
        Link link = liveLink(device.linkId(), me, true);
        Instant now = clock.instant();
        int epoch = jdbc.queryForObject("""
                update account_link set epoch = epoch + 1, version = version + 1 where id = ? returning epoch
                """, Integer.class, link.id());
        String reason = "device '" + device.name() + "' unlinked by the household";
        epochEvent(link.id(), epoch, "DEVICE_DETACHED", now, reason);
        ownership.detach(device, reason);
        Instant revoked = clock.instant();
        long delivery = outbox.enqueue(link.vendorId(), WebhookEvent.DISCONNECT,
                disconnect(link, "DEVICE", List.of(device.vendorDeviceId()), epoch));
        long receipt = receipt(link, device.id(), List.of(device.name()), epoch, now, revoked, delivery);
        audit.record(LinkAuditAction.DEVICE_UNLINKED, "device", device.id(), link.vendorId(), Map.of("link", link.id()),
                Map.of("epoch", epoch, "receipt", receipt));
        return receipt;
    }

    /** A receipt of the signed-in household; anyone else's is "not found". */
    @RolesAllowed(Roles.END_USER)
    @Transactional(readOnly = true)
    public UnlinkReceipt receipt(long receiptId) {
        return jdbc.query("""
                select r.id, v.name as vendor_name, l.external_account_id, r.device_id, r.device_names, r.new_epoch, r.created_at,
                       r.access_revoked_at, r.webhook_delivery_id
                from unlink_receipt r join account_link l on l.id = r.link_id join vendor v on v.id = l.vendor_id
                where r.id = ? and r.account_id = ?
                """, (rs, i) -> new UnlinkReceipt(rs.getLong("id"), rs.getString("vendor_name"),
                        rs.getString("external_account_id"), (Long) rs.getObject("device_id"),
                        List.of((String[]) rs.getArray("device_names").getArray()), rs.getInt("new_epoch"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("access_revoked_at").toInstant(),
                        outbox.state(rs.getLong("webhook_delivery_id")).orElse(null)), receiptId, currentUser.id())
                .stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("receipt-not-found", "No receipt " + receiptId + " for you."));
    }

    private long endLink(Link link, LinkAuditAction event, String reason) {
        Instant now = clock.instant();
        Long actor = currentUser.get().map(a -> a.id()).orElse(null);
        int epoch = jdbc.queryForObject("""
                update account_link set status = 'ENDED', unlinked_at = ?, unlinked_by = ?, unlink_reason = ?,
                    epoch = epoch + 1, version = version + 1
                where id = ? and status = 'LIVE' returning epoch
                """, Integer.class, Timestamp.from(now), actor, reason, link.id());
        epochEvent(link.id(), epoch, event.name(), now, reason);
        List<DeviceRef> released = ownership.releaseLink(link.id(), reason);
        Instant revoked = clock.instant();
        long delivery = outbox.enqueue(link.vendorId(), WebhookEvent.DISCONNECT,
                disconnect(link, "ACCOUNT", released.stream().map(DeviceRef::vendorDeviceId).toList(), epoch));
        long receipt = receipt(link, null, released.stream().map(DeviceRef::name).toList(), epoch, now, revoked, delivery);
        audit.record(event, "account_link", link.id(), link.vendorId(), Map.of("status", "LIVE"),
                Map.of("status", "ENDED", "epoch", epoch, "reason", reason, "receipt", receipt));
        return receipt;
    }

    /** A live link; with {@code accountId}, only that household's (anyone else's is "not found"). */
    private Link liveLink(long linkId, Long accountId, boolean lock) {
        String sql = """
                select l.id, l.account_id, l.vendor_id, v.name as vendor_name, l.external_account_id from account_link l
                join vendor v on v.id = l.vendor_id
                where l.id = ? and l.status = 'LIVE' and (?::bigint is null or l.account_id = ?::bigint)
                """ + (lock ? " for update of l" : "");
        return jdbc.query(sql, (rs, i) -> new Link(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("vendor_id"),
                rs.getString("vendor_name"), rs.getString("external_account_id")), linkId, accountId, accountId).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("link-not-found", "No live link " + linkId + " for you."));
    }

    private void epochEvent(long linkId, int epoch, String event, Instant at, String reason) {
        jdbc.update("""
                insert into link_epoch_event (link_id, epoch, event, occurred_at, actor_id, reason) values (?, ?, ?, ?, ?, ?)
                """, linkId, epoch, event, Timestamp.from(at), currentUser.get().map(a -> a.id()).orElse(null), reason);
    }

    private long receipt(Link link, Long deviceId, List<String> names, int epoch, Instant ended, Instant revoked,
                         long delivery) {
        return jdbc.queryForObject("""
                insert into unlink_receipt (account_id, link_id, device_id, new_epoch, created_at, access_revoked_at,
                                            webhook_delivery_id, device_names, vendor_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, link.accountId(), link.id(), deviceId, epoch, Timestamp.from(ended),
                Timestamp.from(revoked), delivery, names.toArray(String[]::new), link.vendorId());
    }

    private static Map<String, Object> disconnect(Link link, String scope, List<String> devices, int epoch) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("externalAccountId", link.externalAccountId());
        data.put("scope", scope);
        data.put("devices", devices);
        data.put("linkEpoch", epoch);
        return data;
    }
}
