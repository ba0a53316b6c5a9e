package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.link.LinkStore.Link;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.SlugConfirmation;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.device.DeviceRef;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.webhook.WebhookEvent;
import io.bridgekeeper.webhook.WebhookOutbox;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final LinkStore store;
    private final OAuthStore tokens;
    private final CurrentUser currentUser;
    private final DeviceOwnership ownership;
    private final WebhookOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    UnlinkService(LinkStore store, OAuthStore tokens, CurrentUser currentUser, DeviceOwnership ownership,
                  WebhookOutbox outbox, AuditLog audit, Clock clock) {
        this.store = store;
        this.tokens = tokens;
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
            throw DomainException.invalid("reason-required", new Refusal("refusal.link.reason-required"));
        }
        Link link = liveLink(linkId, null, true);
        SlugConfirmation.require(typedSlug, store.vendorSlug(link.vendorId()));
        return endLink(link, LinkAuditAction.FORCE_UNLINKED, "force-unlinked by an admin: " + reason.strip());
    }

    /** The household unlinks one device; the rest of the vendor account stays linked. Returns the receipt's id. */
    @RolesAllowed(Roles.END_USER)
    public long unlinkDevice(long deviceId) {
        long me = currentUser.id();
        DeviceRef device = ownership.requireOwned(deviceId, me);
        if (device.linkId() == null) {
            throw DomainException.conflict("device-not-linked", new Refusal("refusal.link.device-not-linked", String.valueOf(device.name())));
        }
        Link link = liveLink(device.linkId(), me, true);
        Instant now = clock.instant();
        int epoch = store.nextEpoch(link.id());
        String reason = "device '" + device.name() + "' unlinked by the household";
        epochEvent(link.id(), epoch, "DEVICE_DETACHED", now, reason);
        ownership.detach(device, reason);
        Instant revoked = clock.instant();
        long delivery = outbox.enqueue(link.vendorId(), WebhookEvent.DISCONNECT,
                disconnect(link, "DEVICE", List.of(device.vendorDeviceId()), epoch));
        long receipt = store.insertReceipt(link, device.id(), List.of(device.name()), epoch, now, revoked, delivery);
        audit.record(LinkAuditAction.DEVICE_UNLINKED, "device", device.id(), link.vendorId(), Map.of("link", link.id()),
                Map.of("epoch", epoch, "receipt", receipt));
        return receipt;
    }

    /** How many receipts My home lists; older ones stay readable by their address. */
    public static final int RECEIPTS_LISTED = 20;

    /** The signed-in household's receipts, newest first; never another household's. */
    @RolesAllowed(Roles.END_USER)
    @Transactional(readOnly = true)
    public List<ReceiptSummary> myReceipts() {
        return store.receipts(currentUser.id(), RECEIPTS_LISTED);
    }

    /** A receipt of the signed-in household; anyone else's is "not found". */
    @RolesAllowed(Roles.END_USER)
    @Transactional(readOnly = true)
    public UnlinkReceipt receipt(long receiptId) {
        return store.receipt(receiptId, currentUser.id()).map(r -> new UnlinkReceipt(r.id(), r.vendorName(),
                        r.externalAccountId(), r.deviceId(), r.deviceNames(), r.newEpoch(), r.createdAt(),
                        r.accessRevokedAt(), outbox.state(r.delivery()).orElse(null),
                        tokens.revocationOfReceipt(r.id()).orElse(null)))
                .orElseThrow(() -> DomainException.notFound("receipt-not-found", new Refusal("refusal.link.receipt-not-found", String.valueOf(receiptId))));
    }

    private long endLink(Link link, LinkAuditAction event, String reason) {
        Instant now = clock.instant();
        Long actor = currentUser.get().map(a -> a.id()).orElse(null);
        int epoch = store.endLink(link.id(), now, actor, reason);
        epochEvent(link.id(), epoch, event.name(), now, reason);
        List<DeviceRef> released = ownership.releaseLink(link.id(), reason);
        Instant revoked = clock.instant();
        long delivery = outbox.enqueue(link.vendorId(), WebhookEvent.DISCONNECT,
                disconnect(link, "ACCOUNT", released.stream().map(DeviceRef::vendorDeviceId).toList(), epoch));
        long receipt = store.insertReceipt(link, null, released.stream().map(DeviceRef::name).toList(), epoch, now,
                revoked, delivery);
        // an account linked by OAuth: its tokens leave the link and wait to be revoked at the vendor (RFC 7009)
        Long revocation = tokens.queueRevocation(link.id(), receipt, now).orElse(null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "ENDED");
        after.put("epoch", epoch);
        after.put("reason", reason);
        after.put("receipt", receipt);
        if (revocation != null) {
            after.put("tokenRevocation", revocation);
        }
        audit.record(event, "account_link", link.id(), link.vendorId(), Map.of("status", "LIVE"), after);
        return receipt;
    }

    /** A live link; with {@code accountId}, only that household's (anyone else's is "not found"). */
    private Link liveLink(long linkId, Long accountId, boolean lock) {
        return store.liveLink(linkId, accountId, lock)
                .orElseThrow(() -> DomainException.notFound("link-not-found", new Refusal("refusal.link.link-not-found-2", String.valueOf(linkId))));
    }

    private void epochEvent(long linkId, int epoch, String event, Instant at, String reason) {
        store.epochEvent(linkId, epoch, event, at, currentUser.get().map(a -> a.id()).orElse(null), reason);
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
