package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.device.DeviceItem;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.device.LinkedOwner;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a vendor's cloud does through the partner API, always for its own vendor (the key's): complete
 * a link with a household's one-time code, and sync a linked account's devices.
 */
@Service
@Transactional
public class PartnerLinkService {

    private final LinkStore store;
    private final OAuthStore tokens;
    private final DeviceOwnership ownership;
    private final AuditLog audit;
    private final Clock clock;

    PartnerLinkService(LinkStore store, OAuthStore tokens, DeviceOwnership ownership, AuditLog audit, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.ownership = ownership;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Completes a link: the code must be this vendor's, unused and unexpired; the vendor account must not
     * be linked live already (to anyone). Relinking the same household's earlier link moves its epoch;
     * a new link starts at epoch 1.
     */
    @RolesAllowed(Roles.VENDOR)
    public LinkCompletion completeLink(long vendorId, String code, String externalAccountId) {
        String external = externalAccountId == null ? "" : externalAccountId.strip();
        if (external.isEmpty() || external.length() > 200) {
            throw DomainException.invalid("invalid-external-account", new Refusal("refusal.link.invalid-external-account"));
        }
        Instant now = clock.instant();
        LinkStore.Code row = store.lockCode(LinkCodes.hash(code)).orElse(null);
        if (row == null || row.vendorId() != vendorId) {
            throw DomainException.notFound("link-code-not-found", new Refusal("refusal.link.link-code-not-found"));
        }
        if (row.usedAt() != null) {
            throw DomainException.conflict("link-code-used", new Refusal("refusal.link.link-code-used"));
        }
        if (row.expiresAt().isBefore(now)) {
            throw new DomainException("link-code-expired", 410, null, new Refusal("refusal.link.link-code-expired"));
        }
        long account = row.accountId();
        if (store.isLinkedLive(vendorId, external)) {
            throw alreadyLinked(external);
        }
        Long ended = store.lockEndedLink(account, vendorId, external).orElse(null);
        long linkId;
        int epoch;
        try {
            if (ended != null) {
                linkId = ended;
                epoch = store.relink(linkId, now);
            } else {
                epoch = 1;
                linkId = store.insertLink(account, vendorId, external, now);
            }
        } catch (DuplicateKeyException race) {
            // another request linked the same vendor account between our check and our write
            throw alreadyLinked(external);
        }
        LinkAuditAction event = ended != null ? LinkAuditAction.RELINKED : LinkAuditAction.LINKED;
        store.epochEvent(linkId, epoch, event.name(), now, account, null);
        store.useCode(row.id(), linkId, now);
        audit.record(event, "account_link", linkId, vendorId, ended == null ? null : Map.of("status", "ENDED"),
                Map.of("status", "LIVE", "epoch", epoch, "account", account, "externalAccountId", external));
        return new LinkCompletion(linkId, external, epoch, ended != null);
    }

    /**
     * Replaces a linked vendor account's devices with the full list: idempotent (the same list twice
     * changes nothing the second time), in one transaction, and validated first: one bad item and nothing
     * is written.
     */
    @RolesAllowed(Roles.VENDOR)
    public SyncResult syncDevices(long vendorId, String externalAccountId, List<DeviceItem> devices) {
        ownership.validate(devices);
        LinkedOwner owner = store.lockLiveLink(vendorId, externalAccountId).orElseThrow(() -> DomainException.notFound("link-not-found", new Refusal("refusal.link.link-not-found-3", String.valueOf(externalAccountId))));
        return ownership.sync(owner, devices);
    }

    /**
     * The vendor's hint that an account linked by OAuth has new, changed or removed devices: Bridgekeeper
     * pulls its device list with the account's token soon (the pull decides, not the hint). An account that
     * is not linked live by OAuth to this vendor is "not found".
     */
    @RolesAllowed(Roles.VENDOR)
    public DevicePullRequest requestDevicePull(long vendorId, String externalAccountId) {
        Instant now = clock.instant();
        if (externalAccountId == null || !tokens.requestPull(vendorId, externalAccountId, now)) {
            throw DomainException.notFound("oauth-link-not-found", new Refusal("refusal.link.oauth-link-not-found",
                    String.valueOf(externalAccountId)));
        }
        audit.record(LinkAuditAction.DEVICE_PULL_REQUESTED, "account", externalAccountId, vendorId, null,
                Map.of("requestedAt", now.toString()));
        return new DevicePullRequest(externalAccountId, now);
    }

    /**
     * One of the vendor's own devices with its owner's vendor account and whether a move between
     * households waits for confirmation. Another vendor's device, or an id that is not one, is "not found".
     */
    @RolesAllowed(Roles.VENDOR)
    @Transactional(readOnly = true)
    public PartnerDevice device(long vendorId, String vendorDeviceId) {
        if (!DeviceOwnership.isValidDeviceId(vendorDeviceId)) {
            throw deviceNotFound(vendorDeviceId);
        }
        return store.partnerDevice(vendorId, vendorDeviceId)
                .orElseThrow(() -> deviceNotFound(vendorDeviceId));
    }

    private static DomainException deviceNotFound(String vendorDeviceId) {
        return DomainException.notFound("device-not-found", new Refusal("refusal.link.device-not-found", String.valueOf(vendorDeviceId)));
    }

    private static DomainException alreadyLinked(String external) {
        return DomainException.conflict("account-already-linked", new Refusal("refusal.link.account-already-linked", String.valueOf(external)));
    }
}
