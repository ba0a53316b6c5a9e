package io.bridgekeeper.rollout;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorAccess;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vendor's cache versions. The first one registered is the stable version; after that only a
 * completed rollout makes another version stable (one stable per vendor, also in the database).
 */
@Service
@Transactional(readOnly = true)
public class CacheVersionService {

    private final RolloutStore store;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    CacheVersionService(RolloutStore store, VendorAccess access, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public List<CacheVersion> list(long vendorId) {
        access.requireManage(vendorId);
        return versions(vendorId);
    }

    /** For the partner API: the calling vendor's own versions. */
    @RolesAllowed(Roles.VENDOR)
    public List<CacheVersion> listForVendor(long vendorId) {
        return versions(vendorId);
    }

    /** Registered in the portal by an admin or one of the vendor's partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional
    public long register(long vendorId, NewCacheVersion version) {
        access.requireManage(vendorId);
        return insert(vendorId, version, currentUser.id());
    }

    /** Registered by the vendor's cloud through the partner API (the key's vendor only). */
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    public long registerByVendor(long vendorId, NewCacheVersion version) {
        return insert(vendorId, version, null);
    }

    private long insert(long vendorId, NewCacheVersion version, Long by) {
        String label = version == null || version.label() == null ? "" : version.label().trim();
        if (label.isEmpty() || label.length() > 100) {
            throw DomainException.invalidField("invalid-label", "label", new Refusal("refusal.rollout.invalid-label"));
        }
        TextRules.requireCleanName("label", label);
        String description = trimToNull(version.description());
        if (description != null && description.length() > 2000) {
            throw DomainException.invalidField("invalid-description", "description", new Refusal("refusal.rollout.invalid-description"));
        }
        TextRules.requireCleanText("description", description);
        String notes = trimToNull(version.releaseNotes());
        TextRules.requireCleanText("releaseNotes", notes);
        if (notes != null && notes.length() > 100_000) {
            throw DomainException.invalidField("invalid-release-notes", "releaseNotes", new Refusal("refusal.rollout.invalid-release-notes"));
        }
        if (store.labelTaken(vendorId, label)) {
            throw DomainException.conflictOnField("label-taken", "label", new Refusal("refusal.rollout.label-taken", String.valueOf(label)));
        }
        store.lockVersions(vendorId);
        boolean first = !store.hasStableVersion(vendorId);
        long id = store.insertVersion(vendorId, label, description, notes, first, clock.instant(), by);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("label", label);
        after.put("description", description);
        after.put("stable", first);
        audit.record(RolloutAuditAction.CACHE_VERSION_REGISTERED, "cache_version", id, vendorId, null, after);
        return id;
    }

    private List<CacheVersion> versions(long vendorId) {
        return store.versions(vendorId);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
