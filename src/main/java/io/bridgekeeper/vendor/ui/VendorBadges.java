package io.bridgekeeper.vendor.ui;

import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.vendor.VendorStatus;

final class VendorBadges {

    private VendorBadges() {
    }

    static Badge status(VendorStatus status) {
        String tone = switch (status) {
            case ACTIVE -> "success";
            case SUSPENDED -> "error";
            case ONBOARDING -> "warning";
            case RETIRED -> "contrast";
        };
        Badge badge = new Badge(Words.label(status), tone);
        badge.addClassName("vendor-status");
        return badge;
    }
}
