package io.bridgekeeper.rollout;

/** The rollouts grid's filter; null means any. */
public record RolloutFilter(Long vendorId, RolloutState state) {

    public static RolloutFilter none() {
        return new RolloutFilter(null, null);
    }
}
