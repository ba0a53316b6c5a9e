package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.device.DeviceItem;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.device.LinkedOwner;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a vendor's cloud does through the partner API, always for its own vendor (the key's): complete
 * a link with a household's one-time code, and sync a linked account's devices.
 */
@Service
@Transactional
public class PartnerLinkService {

    private final JdbcTemplate jdbc;
    private final DeviceOwnership ownership;
    private final AuditLog audit;
    private final Clock clock;

    PartnerLinkService(JdbcTemplate jdbc, DeviceOwnership ownership, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
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
            throw DomainException.invalid("invalid-external-account", "externalAccountId is 1 to 200 characters.");
        }
        Instant now = clock.instant();
        Map<String, Object> row = jdbc.queryForList("""
                select id, account_id, vendor_id, expires_at, used_at from link_code where code_hash = ? for update
                """, LinkCodes.hash(code)).stream().findFirst().orElse(null);
        if (row == null || ((Number) row.get("vendor_id")).longValue() != vendorId) {
            throw DomainException.notFound("link-code-not-found", "No such link code for this vendor.");
        }
        if (row.get("used_at") != null) {
            throw DomainException.conflict("link-code-used", "This link code was already used. Ask the household for a new one.");
        }
        if (((Timestamp) row.get("expires_at")).toInstant().isBefore(now)) {
            throw new DomainException("link-code-expired", 410, "This link code has expired. Ask the household for a new one.");
        }
        long account = ((Number) row.get("account_id")).longValue();
        Boolean live = jdbc.queryForObject("""
                select exists (select 1 from account_link where vendor_id = ? and external_account_id = ? and status = 'LIVE')
                """, Boolean.class, vendorId, external);
        if (Boolean.TRUE.equals(live)) {
            throw alreadyLinked(external);
        }
        Timestamp at = Timestamp.from(now);
        Long ended = jdbc.query("""
                select id from account_link where account_id = ? and vendor_id = ? and external_account_id = ?
                and status = 'ENDED' order by id desc limit 1 for update
                """, (rs, i) -> rs.getLong("id"), account, vendorId, external).stream().findFirst().orElse(null);
        long linkId;
        int epoch;
        try {
            if (ended != null) {
                linkId = ended;
                epoch = jdbc.queryForObject("""
                        update account_link set status = 'LIVE', epoch = epoch + 1, linked_at = ?, unlinked_at = null,
                            unlinked_by = null, unlink_reason = null, version = version + 1
                        where id = ? returning epoch
                        """, Integer.class, at, linkId);
            } else {
                epoch = 1;
                linkId = jdbc.queryForObject("""
                        insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                        values (?, ?, ?, 'LIVE', 1, ?) returning id
                        """, Long.class, account, vendorId, external, at);
            }
        } catch (DuplicateKeyException race) {
            // another request linked the same vendor account between our check and our write
            throw alreadyLinked(external);
        }
        LinkAuditAction event = ended != null ? LinkAuditAction.RELINKED : LinkAuditAction.LINKED;
        jdbc.update("insert into link_epoch_event (link_id, epoch, event, occurred_at, actor_id) values (?, ?, ?, ?, ?)",
                linkId, epoch, event.name(), at, account);
        jdbc.update("update link_code set used_at = ?, link_id = ? where id = ?", at, linkId, row.get("id"));
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
        LinkedOwner owner = jdbc.query("""
                select id, account_id, vendor_id, epoch from account_link
                where vendor_id = ? and external_account_id = ? and status = 'LIVE' for update
                """, (rs, i) -> new LinkedOwner(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("vendor_id"),
                        rs.getInt("epoch")),
                vendorId, externalAccountId).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("link-not-found",
                        "Vendor account '" + externalAccountId + "' is not linked to any household."));
        return ownership.sync(owner, devices);
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
        return JdbcClient.create(jdbc).sql("""
                select d.vendor_device_id as id, d.kind, d.name, d.state,
                       case when d.owner_account_id is not null and l.status = 'LIVE' then l.external_account_id
                       end as external_account_id,
                       case when m.id is not null then 'PENDING_CONFIRMATION'
                            when d.owner_account_id is not null then 'CONFIRMED' else 'NONE' end as ownership,
                       ml.external_account_id as pending_external_account_id, m.requested_at as pending_since
                from device d left join account_link l on l.id = d.link_id
                left join device_move m on m.device_id = d.id and m.status = 'PENDING'
                left join account_link ml on ml.id = m.to_link_id
                where d.vendor_id = :vendor and d.vendor_device_id = :id
                """).param("vendor", vendorId).param("id", vendorDeviceId).query(PartnerDevice.class).optional()
                .orElseThrow(() -> deviceNotFound(vendorDeviceId));
    }

    private static DomainException deviceNotFound(String vendorDeviceId) {
        return DomainException.notFound("device-not-found", "No device '" + vendorDeviceId + "' of this vendor.");
    }

    private static DomainException alreadyLinked(String external) {
        return DomainException.conflict("account-already-linked", "Vendor account '" + external
                + "' is already linked to a household. It must be unlinked before it can be linked again.");
    }
}
