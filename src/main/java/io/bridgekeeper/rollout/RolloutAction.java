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

    /** The action's words inside a refusal, in the reader's language ("approve", "genehmigen"). */
    static io.bridgekeeper.base.Refusal refusalWords(RolloutAction action) {
        return new io.bridgekeeper.base.Refusal("refusal.rollout.action." + action.name());
    }

    public String words() {
        return words;
    }
}
