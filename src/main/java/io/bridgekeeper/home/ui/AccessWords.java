package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.decision.AccessHistory;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.decision.DenyReason;

/** An access-history entry in the words a household reads: which display asked, for what, and the answer. */
final class AccessWords {

    private AccessWords() {
    }

    static String line(AccessHistory.Entry e, String vendorName) {
        Words words = Words.ofPage();
        String who = switch (e.where()) {
            case MINE -> e.display();
            case LEFT_MY_HOME -> t("home.access.left-home");
            case ANOTHER_HOME -> t("home.access.another-home");
            case UNKNOWN -> t("home.access.unknown-display");
        };
        String what = switch (e.capability()) {
            case "CAMERA_STREAM" -> t("home.access.live-stream");
            case "SNAPSHOT" -> t("home.access.snapshot");
            default -> words.get("home.access.control");
        };
        String answer = e.shown() ? words.get("home.access.shown") : words.get("home.access.refused", why(e.reason(), vendorName));
        return e.answers() == 1 ? words.get("home.access.line", who, what, answer)
                : words.get("home.access.line-times", who, what, answer, String.valueOf(e.answers()));
    }

    static String why(DenyReason reason, String vendorName) {
        Words words = Words.ofPage();
        if (reason == null) {
            return words.get("home.access.no-reason");
        }
        return switch (reason) {
            case DEVICE_DISABLED -> words.get("home.access.why.DEVICE_DISABLED");
            case NOT_CERTIFIED -> words.get("home.access.why.NOT_CERTIFIED", vendorName);
            case VENDOR_SUSPENDED -> words.get("home.access.why.VENDOR_SUSPENDED", vendorName);
            case CAPABILITY_SUSPENDED -> words.get("home.access.why.CAPABILITY_SUSPENDED", vendorName);
            case DEVICE_UNKNOWN -> words.get("home.access.why.DEVICE_UNKNOWN");
            case OWNERSHIP_CONFLICT -> words.get("home.access.why.OWNERSHIP_CONFLICT");
            case LINK_ENDED -> words.get("home.access.why.LINK_ENDED");
            case LINK_NEEDS_RELINK -> words.get("home.access.why.LINK_NEEDS_RELINK", vendorName);
            case REQUESTER_NOT_OWNER -> words.get("home.access.why.REQUESTER_NOT_OWNER");
            case OWNER_MISMATCH -> words.get("home.access.why.OWNER_MISMATCH");
            case OWNER_CHANGED -> words.get("home.access.why.OWNER_CHANGED");
            case STALE_CACHE_KEY -> words.get("home.access.why.STALE_CACHE_KEY");
            case FORGED_CACHE_KEY -> words.get("home.access.why.FORGED_CACHE_KEY");
        };
    }
}
