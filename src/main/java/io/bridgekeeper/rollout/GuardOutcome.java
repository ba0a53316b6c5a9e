package io.bridgekeeper.rollout;

/** What one evaluation of a rollout's guards did. */
public enum GuardOutcome {
    NOTHING, ADVANCED, COMPLETED, PAUSED_ERROR_RATE, PAUSED_NO_DATA, PAUSED_CANARY_SILENT, HALTED
}
