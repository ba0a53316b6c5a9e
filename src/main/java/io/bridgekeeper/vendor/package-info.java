/**
 * Vendors and the kill switch: onboarding, capabilities, partner managers, API keys, suspensions and
 * their per-node application, the violation policy, and the vendor's page (other modules add sections
 * to it through {@link io.bridgekeeper.vendor.VendorPageSection}).
 *
 * <p>Owns the tables: {@code vendor}, {@code vendor_capability}, {@code vendor_partner_manager},
 * {@code vendor_api_key}, {@code suspension}, {@code suspension_capability}, {@code suspension_application},
 * {@code vendor_violation_policy}.
 *
 * <p>Publishes the views: {@code vendor_directory}, {@code vendor_capability_directory},
 * {@code vendor_webhook_endpoint}, {@code partner_manager_vendor}.
 *
 * <p>Offers: {@link io.bridgekeeper.vendor.VendorService}, {@link io.bridgekeeper.vendor.SuspensionService},
 * {@link io.bridgekeeper.vendor.VendorAccess} (the partner scope), {@link io.bridgekeeper.vendor.KillSwitch},
 * the events {@link io.bridgekeeper.vendor.VendorSuspended} and its kin, and
 * {@link io.bridgekeeper.vendor.ReachCounter} for the modules that count a vendor's reach.
 *
 * <p>Data: JPA for the {@code Vendor} and {@code Suspension} aggregates; every other statement is in
 * the package-private {@code VendorStore}, except the kill switch's own node bookkeeping and NOTIFY
 * ({@code KillSwitch}, which the decision path depends on).
 */
@ApplicationModule
package io.bridgekeeper.vendor;

import org.springframework.modulith.ApplicationModule;
