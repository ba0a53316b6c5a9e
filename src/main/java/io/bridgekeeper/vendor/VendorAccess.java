package io.bridgekeeper.vendor;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Role;
import io.bridgekeeper.security.SignedInAccount;
import org.springframework.stereotype.Component;

/**
 * The partner scope: an admin may reach every vendor, a partner manager only the vendors assigned
 * to them. Another vendor answers "not found", so a partner cannot even learn that it exists.
 */
@Component
public class VendorAccess {

    private final VendorRepository vendors;
    private final CurrentUser currentUser;

    VendorAccess(VendorRepository vendors, CurrentUser currentUser) {
        this.vendors = vendors;
        this.currentUser = currentUser;
    }

    /** True when the signed-in staff member may manage this vendor. */
    public boolean mayManage(long vendorId) {
        SignedInAccount user = currentUser.get().orElse(null);
        if (user == null) {
            return false;
        }
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return user.has(Role.PARTNER_MANAGER) && vendors.isManagedBy(vendorId, user.id());
    }

    /** Refuses, as "not found", a vendor outside the caller's scope. */
    public void requireManage(long vendorId) {
        if (!mayManage(vendorId)) {
            throw DomainException.notFound("vendor-not-found", "No vendor " + vendorId + " for you.");
        }
    }
}
