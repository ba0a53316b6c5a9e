package io.bridgekeeper.vendor;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Role;
import io.bridgekeeper.security.SignedInAccount;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

    /**
     * The vendors a caller may reach: every vendor ({@code everyVendor}), or only {@code vendorIds}
     * (a partner manager's assigned vendors; none for anyone else).
     */
    public record Scope(boolean everyVendor, List<Long> vendorIds) {

        /**
         * Limits a query to the scope: appends {@code and <column> ...} (nothing for every vendor), with the
         * ids as literals so the planner can walk a {@code (vendor_id, ...)} index.
         */
        public void restrict(String column, StringBuilder sql, List<Object> args) {
            if (everyVendor) {
                return;
            }
            if (vendorIds.size() == 1) {
                sql.append(" and ").append(column).append(" = ?");
                args.add(vendorIds.getFirst());
            } else {
                sql.append(" and ").append(column).append(" = any (?)");
                args.add(vendorIds.toArray(Long[]::new));
            }
        }

        /** The same for a query with named parameters; the ids go in as {@code :scopeVendors}. */
        public void restrict(String column, StringBuilder sql, MapSqlParameterSource params) {
            if (everyVendor) {
                return;
            }
            if (vendorIds.isEmpty()) {
                sql.append(" and false");
                return;
            }
            sql.append(" and ").append(column).append(" in (:scopeVendors)");
            params.addValue("scopeVendors", vendorIds);
        }
    }

    /** The signed-in caller's scope: the one place that reads which vendors a partner manager has. */
    public Scope scope() {
        SignedInAccount user = currentUser.get().orElse(null);
        if (user != null && user.has(Role.ADMIN)) {
            return new Scope(true, List.of());
        }
        if (user == null || !user.has(Role.PARTNER_MANAGER)) {
            return new Scope(false, List.of());
        }
        return new Scope(false, List.copyOf(vendors.managedBy(user.id())));
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
            throw DomainException.notFound("vendor-not-found", new Refusal("refusal.vendor.vendor-not-found", String.valueOf(vendorId)));
        }
    }
}
