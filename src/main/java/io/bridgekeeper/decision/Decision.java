package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionState.Version;

/** The answer to authorize: ALLOW, or DENY with one reason; and the source device's effective cache version. */
public record Decision(Outcome outcome, DenyReason reason, Version cacheVersion) {

    public enum Outcome { ALLOW, DENY }

    static Decision allow(Version version) {
        return new Decision(Outcome.ALLOW, null, version);
    }

    static Decision deny(DenyReason reason, Version version) {
        return new Decision(Outcome.DENY, reason, version);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
