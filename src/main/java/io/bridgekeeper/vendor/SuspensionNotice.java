package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/**
 * What a household is told of a suspended vendor: in plain words, with the expected restoration if
 * known. {@code scope} holds every capability when the whole integration is suspended.
 */
public record SuspensionNotice(long vendorId, String vendorName, Set<Capability> scope, String plainWords,
                               Instant expectedRestoration) {

    public String message() {
        return "Suspended by the platform " + plainWords + ".";
    }

    /** What a camera of this vendor may still show on a display: nothing, snapshots only, or live video only. */
    public String imagesLine(String displays) {
        boolean all = scope == null || scope.isEmpty();
        boolean stream = all || scope.contains(Capability.CAMERA_STREAM);
        boolean snapshot = all || scope.contains(Capability.SNAPSHOT);
        if (stream && snapshot) {
            return "Not shown on any display while " + vendorName + " is suspended " + plainWords;
        }
        if (stream) {
            return "Snapshots only, on " + displays + ": live video is suspended " + plainWords;
        }
        if (snapshot) {
            return "Live video only, on " + displays + ": snapshots are suspended " + plainWords;
        }
        return null;
    }
}
