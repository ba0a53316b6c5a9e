package io.bridgekeeper.canary;

import java.time.Instant;

/** The canaries' probes served under one stage of a rollout: how many, how many failed, the last one. */
public record StageProbes(int percent, long probes, long failures, Instant lastProbeAt) {
}
