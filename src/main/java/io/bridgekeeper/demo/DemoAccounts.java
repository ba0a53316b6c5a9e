package io.bridgekeeper.demo;

import java.util.List;

/** The sign-in names of the demo data set; the README prints the same table. */
public final class DemoAccounts {

    public static final String PASSWORD = "bridgekeeper";

    public static final String ADMIN = "admin@bridgekeeper.test";
    public static final String SECOND_ADMIN = "admin2@bridgekeeper.test";
    public static final String CAMERA_PARTNER = "partner@lumacam.test";
    public static final String LIGHTS_PARTNER = "partner@brightway.test";
    /** A household with LumaCam cameras and Brightway lights. */
    public static final String HOUSEHOLD = "household001@example.com";
    /** Another household with LumaCam cameras of its own. */
    public static final String OTHER_HOUSEHOLD = "household002@example.com";

    public static final String CAMERA_VENDOR = "lumacam";

    static final List<String[]> STAFF = List.of(
            new String[] {ADMIN, "Ada Lovelace", "ADMIN", null},
            new String[] {SECOND_ADMIN, "Grace Hopper", "ADMIN", null},
            new String[] {CAMERA_PARTNER, "Lena Park", "PARTNER_MANAGER", "lumacam"},
            new String[] {LIGHTS_PARTNER, "Omar Haddad", "PARTNER_MANAGER", "brightway"},
            new String[] {"partner@ironbolt.test", "Sofia Ricci", "PARTNER_MANAGER", "ironbolt"},
            new String[] {"partner@sensora.test", "Jonas Berg", "PARTNER_MANAGER", "sensora"},
            new String[] {"partner@nimbus.test", "Mei Tanaka", "PARTNER_MANAGER", "nimbus-climate"});

    private DemoAccounts() {
    }
}
