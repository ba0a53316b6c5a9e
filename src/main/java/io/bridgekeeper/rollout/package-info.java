/**
 * Cache versions and their staged rollouts: approval by four eyes, stages, telemetry and the guards
 * that advance, pause, or halt and roll back.
 *
 * <p>Owns the tables: {@code cache_version}, {@code rollout}, {@code rollout_stage}, {@code telemetry}.
 *
 * <p>Publishes the views: {@code rollout_directory}, {@code cache_version_directory}.
 *
 * <p>Offers: {@link io.bridgekeeper.rollout.RolloutService}, {@link io.bridgekeeper.rollout.RolloutGuards}
 * (the breach path every isolation violation takes), {@link io.bridgekeeper.rollout.TelemetryService}.
 *
 * <p>Data: all its SQL is in the package-private {@code RolloutStore}: reads, cache versions,
 * telemetry, the suspension pause, and the state machine's writes, which {@code RolloutService},
 * {@code RolloutTransitions} and {@code RolloutGuards} make inside the rollout's row lock.
 */
@ApplicationModule
package io.bridgekeeper.rollout;

import org.springframework.modulith.ApplicationModule;
