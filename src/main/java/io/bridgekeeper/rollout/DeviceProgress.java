package io.bridgekeeper.rollout;

/** How many of the vendor's devices are on the target version now, of how many. */
public record DeviceProgress(long onTarget, long total) {
}
