package io.bridgekeeper.security;

/** The three roles of DESIGN.md, as Spring Security role names (without the ROLE_ prefix). */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String PARTNER_MANAGER = "PARTNER_MANAGER";
    public static final String END_USER = "END_USER";
    /** A vendor's cloud calling the partner API with one of its API keys (never a portal session). */
    public static final String VENDOR = "VENDOR";
    /** The platform's data plane calling the decision API with a service credential (never a portal session). */
    public static final String DECISION_CLIENT = "DECISION_CLIENT";

    private Roles() {
    }
}
