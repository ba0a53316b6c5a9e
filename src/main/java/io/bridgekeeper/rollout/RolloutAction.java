package io.bridgekeeper.rollout;

/** What a person (or a guard) can do to a rollout. */
public enum RolloutAction {
    SUBMIT("submit for approval"),
    APPROVE("approve"),
    REJECT("reject"),
    START("start"),
    ADVANCE("advance"),
    PAUSE("pause"),
    RESUME("resume"),
    HALT("halt"),
    ROLL_BACK("roll back");

    private final String words;

    RolloutAction(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
