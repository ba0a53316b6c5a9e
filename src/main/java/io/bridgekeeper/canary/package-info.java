/**
 * Isolation canaries: synthetic households enrolled per vendor, their probes' health on the vendor page
 * and per rollout stage, and the silence the rollout guard pauses on.
 *
 * <p>Owns the tables: {@code canary_household}.
 *
 * <p>Offers: {@link io.bridgekeeper.canary.CanaryService}.
 */
@ApplicationModule
package io.bridgekeeper.canary;

import org.springframework.modulith.ApplicationModule;
