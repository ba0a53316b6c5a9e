package io.bridgekeeper.vendor;

import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vendors and who may see them: admins see all, partner managers only the vendors assigned to them. */
@Service
@Transactional(readOnly = true)
public class VendorService {

    private final VendorRepository vendors;
    private final VendorReach reach;
    private final CurrentUser currentUser;

    VendorService(VendorRepository vendors, VendorReach reach, CurrentUser currentUser) {
        this.vendors = vendors;
        this.reach = reach;
        this.currentUser = currentUser;
    }

    @RolesAllowed(Roles.ADMIN)
    public Map<VendorStatus, Long> countByStatus() {
        Map<VendorStatus, Long> counts = new EnumMap<>(VendorStatus.class);
        for (VendorStatus status : VendorStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : vendors.countByStatus()) {
            counts.put((VendorStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The vendors assigned to the signed-in partner manager. */
    @RolesAllowed(Roles.PARTNER_MANAGER)
    public List<VendorSummary> myVendors() {
        List<Vendor> mine = vendors.findManagedBy(currentUser.id());
        Map<Long, VendorReach.Counts> counts = reach.of(mine.stream().map(Vendor::getId).toList());
        return mine.stream().map(v -> summary(v, counts.get(v.getId()))).toList();
    }

    private static VendorSummary summary(Vendor v, VendorReach.Counts counts) {
        VendorReach.Counts c = counts == null ? new VendorReach.Counts(0, 0) : counts;
        return new VendorSummary(v.getId(), v.getSlug(), v.getName(), v.getStatus(), v.getCapabilities(),
                v.getWebhookUrl(), c.liveLinks(), c.devices());
    }
}
