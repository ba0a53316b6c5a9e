package io.bridgekeeper.vendor;

import java.util.EnumSet;
import java.util.Set;

/** ONBOARDING → ACTIVE ⇄ SUSPENDED → RETIRED. */
public enum VendorStatus {
    ONBOARDING, ACTIVE, SUSPENDED, RETIRED;

    public Set<VendorStatus> next() {
        return switch (this) {
            case ONBOARDING -> EnumSet.of(ACTIVE);
            case ACTIVE -> EnumSet.of(SUSPENDED);
            case SUSPENDED -> EnumSet.of(ACTIVE, RETIRED);
            case RETIRED -> EnumSet.noneOf(VendorStatus.class);
        };
    }

    public boolean canMoveTo(VendorStatus target) {
        return next().contains(target);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
