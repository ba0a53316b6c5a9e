package io.bridgekeeper.vendor;

import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor page in one call: its detail (with the partner scope checked), suspension history, the
 * nodes' applications of an open suspension (admins), violation policy and API keys, read in one
 * read-only transaction so the parts agree. Sections other modules add to the page
 * ({@link VendorPageSection}: webhooks, canaries) read their own parts: this module does not know them.
 */
@Service
@Transactional(readOnly = true)
public class VendorPages {

    /** Everything the vendor module shows on the page, as of one moment. */
    public record VendorPage(VendorDetail vendor, List<SuspensionSummary> suspensions, SuspensionSummary openSuspension,
                             List<NodeApplication> applications, ViolationPolicy policy, List<ApiKeySummary> keys) {
    }

    private final VendorService vendors;
    private final SuspensionService suspensions;
    private final ViolationPolicyService policies;
    private final VendorApiKeyService keys;
    private final CurrentUser currentUser;

    VendorPages(VendorService vendors, SuspensionService suspensions, ViolationPolicyService policies,
                VendorApiKeyService keys, CurrentUser currentUser) {
        this.vendors = vendors;
        this.suspensions = suspensions;
        this.policies = policies;
        this.keys = keys;
        this.currentUser = currentUser;
    }

    /** The page of a vendor in the caller's scope; another vendor's is "not found". */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public VendorPage page(long vendorId) {
        VendorDetail v = vendors.detail(vendorId);
        List<SuspensionSummary> history = suspensions.history(vendorId);
        SuspensionSummary open = history.stream().filter(SuspensionSummary::isOpen).findFirst().orElse(null);
        List<NodeApplication> applied = open != null && currentUser.isAdmin()
                ? suspensions.applications(open.id(), false) : null;
        return new VendorPage(v, history, open, applied, policies.view(vendorId), keys.list(vendorId));
    }
}
