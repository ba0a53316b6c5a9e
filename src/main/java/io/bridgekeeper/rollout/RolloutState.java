package io.bridgekeeper.rollout;

/** The states of a rollout, as DESIGN.md draws them and the {@code rollout.state} check allows. */
public enum RolloutState {
    DRAFT, PENDING_APPROVAL, APPROVED, REJECTED, RUNNING, PAUSED, COMPLETED, HALTED, ROLLED_BACK;

    public String label() {
        return switch (this) {
            case PENDING_APPROVAL -> "Awaiting approval";
            case ROLLED_BACK -> "Rolled back";
            default -> name().charAt(0) + name().substring(1).toLowerCase();
        };
    }

    /** Devices of the vendor may be on the target version (a stage is live). */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }

    public boolean isFinished() {
        return this == REJECTED || this == COMPLETED || this == ROLLED_BACK;
    }
}
