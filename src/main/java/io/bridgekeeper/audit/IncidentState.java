package io.bridgekeeper.audit;

/** OPEN → ACKNOWLEDGED → RESOLVED (an open incident may also be resolved directly). */
public enum IncidentState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
