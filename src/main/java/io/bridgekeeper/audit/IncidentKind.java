package io.bridgekeeper.audit;

/** What opened an incident. */
public enum IncidentKind {
    ISOLATION_VIOLATION("Isolation violation"), ERROR_RATE("Error rate"), NO_DATA("No data"), MANUAL("Opened by hand");

    private final String label;

    IncidentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
