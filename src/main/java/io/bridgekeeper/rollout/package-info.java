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
 * <p>Data: reads, cache versions, telemetry and the suspension pause are in the package-private
 * {@code RolloutStore}; the state machine's guarded updates are still in {@code RolloutService},
 * {@code RolloutTransitions} and {@code RolloutGuards} (issue 20).
 */
@ApplicationModule
package io.bridgekeeper.rollout;

import org.springframework.modulith.ApplicationModule;
