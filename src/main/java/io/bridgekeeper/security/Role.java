package io.bridgekeeper.security;

/** A role as stored in {@code account_role}. */
public enum Role {
    ADMIN("Admin"), PARTNER_MANAGER("Partner manager"), END_USER("Household");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
