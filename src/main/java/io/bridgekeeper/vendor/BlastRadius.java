package io.bridgekeeper.vendor;

/** What a suspension would touch: households with a live link, devices in scope, running rollouts. */
public record BlastRadius(long households, long devices, long runningRollouts) {
}
