package io.bridgekeeper.home.ui;

import io.bridgekeeper.decision.AccessHistory;
import io.bridgekeeper.decision.DenyReason;

/** An access-history entry in the words a household reads: which display asked, for what, and the answer. */
final class AccessWords {

    private AccessWords() {
    }

    static String line(AccessHistory.Entry e, String vendorName) {
        String who = switch (e.where()) {
            case MINE -> e.display();
            case LEFT_MY_HOME -> "A display that has since left your home";
            case ANOTHER_HOME -> "A display in another home";
            case UNKNOWN -> "A display the platform does not know";
        };
        String what = switch (e.capability()) {
            case "CAMERA_STREAM" -> "the live stream";
            case "SNAPSHOT" -> "a snapshot";
            default -> "control";
        };
        String times = e.answers() == 1 ? "" : " (" + e.answers() + " times)";
        return who + " asked for " + what + ": " + (e.shown() ? "shown" : "refused, " + why(e.reason(), vendorName)) + times + ".";
    }

    static String why(DenyReason reason, String vendorName) {
        if (reason == null) {
            return "without a reason given";
        }
        return switch (reason) {
            case DEVICE_DISABLED -> "the camera or the display was turned off";
            case VENDOR_SUSPENDED -> vendorName + " was suspended by the platform";
            case CAPABILITY_SUSPENDED -> "this kind of access to " + vendorName + " was switched off";
            case DEVICE_UNKNOWN -> "the display was not known to the platform";
            case OWNERSHIP_CONFLICT -> "the device was on hold while a move between homes waited for consent";
            case LINK_ENDED -> "the vendor account was no longer linked";
            case REQUESTER_NOT_OWNER -> "the person asking does not live in that display's home";
            case OWNER_MISMATCH -> "the display is not in your home (reported to the platform)";
            case OWNER_CHANGED -> "the request carried a permission from before the device changed homes";
            case STALE_CACHE_KEY -> "the request carried an expired permission";
            case FORGED_CACHE_KEY -> "the request carried a permission that was not genuine";
        };
    }
}
