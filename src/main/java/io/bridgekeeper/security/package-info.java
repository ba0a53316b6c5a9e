/**
 * Sign-in, roles and who is signed in: accounts and their roles, the login lock-out, the security
 * configuration of the portal.
 *
 * <p>Owns the tables: {@code account}, {@code account_role}, {@code login_attempt}.
 *
 * <p>Publishes the views: {@code account_directory}.
 *
 * <p>Offers: {@link io.bridgekeeper.security.CurrentUser}, {@link io.bridgekeeper.security.Roles},
 * {@link io.bridgekeeper.security.Accounts} (roles by e-mail; a canary's account).
 */
@ApplicationModule
package io.bridgekeeper.security;

import org.springframework.modulith.ApplicationModule;
