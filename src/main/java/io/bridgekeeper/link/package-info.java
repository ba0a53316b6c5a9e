/**
 * Account links between households and vendor accounts: linking by code or by OAuth 2.0 with the
 * vendor's authorization server (tokens sealed, refreshed, used to pull devices, revoked on unlink),
 * the partner API's link and device sync, unlinking and its receipts.
 *
 * <p>Owns the tables: {@code account_link}, {@code link_epoch_event}, {@code link_code}, {@code unlink_receipt},
 * {@code vendor_oauth}, {@code link_token}, {@code token_revocation}.
 *
 * <p>Publishes the views: {@code link_directory}.
 *
 * <p>Offers: {@link io.bridgekeeper.link.LinkService}, {@link io.bridgekeeper.link.UnlinkService},
 * {@link io.bridgekeeper.link.PartnerLinkService}, {@link io.bridgekeeper.link.OAuthLinkService}; counts its part of a vendor's reach.
 *
 * <p>All its SQL is in package-private stores, {@code LinkStore} and {@code OAuthStore}: the services hold the rules,
 * security and audit, the store only reads and writes inside their transactions.
 */
@ApplicationModule
package io.bridgekeeper.link;

import org.springframework.modulith.ApplicationModule;
