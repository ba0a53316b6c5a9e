/**
 * The demo data seeded into an empty embedded database: accounts, vendors, households, devices, a
 * rollout, canaries. It writes every module's tables directly, as a seed does.
 *
 * <p>Owns no tables.
 */
@ApplicationModule
package io.bridgekeeper.demo;

import org.springframework.modulith.ApplicationModule;
