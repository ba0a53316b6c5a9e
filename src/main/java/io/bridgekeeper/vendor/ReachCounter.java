package io.bridgekeeper.vendor;

import java.util.Collection;
import java.util.Map;

/**
 * Counts part of what a vendor reaches, from the tables of the module that implements it: the link
 * module counts households and live links, the device module devices, the rollout module running
 * rollouts. The vendor module sums the parts ({@link VendorReach}) without reading those tables,
 * since those modules depend on it and not the other way round. Canary households are left out.
 */
public interface ReachCounter {

    /** The part of each vendor's reach this module counts; a vendor it reaches nothing of may be missing. */
    Map<Long, Reach> reachOf(Collection<Long> vendorIds);

    /**
     * A vendor's reach, or one module's part of it: households with a live link, live links, devices and
     * camera-like devices (camera, doorbell: what stream and snapshot suspensions touch), running rollouts,
     * and the households that own any of its devices, or any of its camera-like devices.
     */
    record Reach(long households, long liveLinks, long devices, long cameras, long runningRollouts,
                 long deviceHouseholds, long cameraHouseholds) {

        public static final Reach NONE = new Reach(0, 0, 0, 0, 0, 0, 0);

        public Reach plus(Reach other) {
            return new Reach(households + other.households, liveLinks + other.liveLinks, devices + other.devices,
                    cameras + other.cameras, runningRollouts + other.runningRollouts,
                    deviceHouseholds + other.deviceHouseholds, cameraHouseholds + other.cameraHouseholds);
        }
    }
}
