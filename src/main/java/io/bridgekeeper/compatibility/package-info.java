/**
 * Compatibility: the platform's surfaces, vendors' device models, which model capability works on which
 * surface from which cache version on, and an admin's certification of it. A revoked certification is a
 * scoped suspension of exactly one model on one surface ({@link io.bridgekeeper.compatibility.CertificationSwitch}),
 * which the decision API enforces as {@code NOT_CERTIFIED}.
 *
 * <p>Owns the tables: {@code surface}, {@code device_model}, {@code compatibility}, {@code certification},
 * {@code certification_suspension}.
 *
 * <p>Publishes the views: {@code device_model_directory}, {@code surface_directory}.
 *
 * <p>Offers: {@link io.bridgekeeper.compatibility.CompatibilityService} (models, entries, certification, the
 * table and the lookup), {@link io.bridgekeeper.compatibility.CertificationSwitch} (the decision path's
 * question "is this model suspended on this surface?"), and the rollout approval's warning.
 *
 * <p>Data: all its SQL is in the package-private {@code CompatibilityStore}, except the switch's own
 * reload and NOTIFY.
 */
@ApplicationModule
package io.bridgekeeper.compatibility;

import org.springframework.modulith.ApplicationModule;
