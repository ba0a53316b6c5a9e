/**
 * Devices and who owns them: the device grids, ownership history, transfers, disabling, and moves held
 * for the household's confirmation.
 *
 * <p>Owns the tables: {@code device}, {@code device_ownership}, {@code device_move}.
 *
 * <p>Publishes the views: {@code device_directory}, {@code device_pending_move}.
 *
 * <p>Offers: {@link io.bridgekeeper.device.DeviceService}, {@link io.bridgekeeper.device.DeviceMoveService}.
 *
 * <p>Data: the services' statements are in the package-private {@code DeviceStore}; ownership
 * periods and syncs are {@link io.bridgekeeper.device.DeviceOwnership}'s own (the ownership engine,
 * which the link module drives too).
 */
@ApplicationModule
package io.bridgekeeper.device;

import org.springframework.modulith.ApplicationModule;
