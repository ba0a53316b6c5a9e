package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionState.Version;

/**
 * The answer to resolve: the device's effective cache version and a signed cache key, or DENY with
 * one reason (then no key).
 */
public record Resolution(Outcome outcome, DenyReason reason, Version cacheVersion, String cacheKey) {

    public enum Outcome { RESOLVED, DENY }

    static Resolution resolved(Version version, String key) {
        return new Resolution(Outcome.RESOLVED, null, version, key);
    }

    static Resolution deny(DenyReason reason, Version version) {
        return new Resolution(Outcome.DENY, reason, version, null);
    }
}
