package io.bridgekeeper.vendor;

import java.time.Instant;
import java.util.Set;

/**
 * What a household is told of a suspended vendor: in plain words, with the expected restoration if
 * known. {@code scope} holds every capability when the whole integration is suspended.
 */
public record SuspensionNotice(long vendorId, String vendorName, Set<Capability> scope, String plainWords,
                               Instant expectedRestoration) {

    /** Only some capabilities are suspended: the rest of the integration works. */
    public boolean partial() {
        return scope != null && !scope.isEmpty() && !scope.containsAll(java.util.EnumSet.allOf(Capability.class));
    }

    public String message() {
        if (!partial()) {
            return "Suspended by the platform " + plainWords + ".";
        }
        String what = scope.stream().sorted().map(c -> switch (c) {
            case CAMERA_STREAM -> "live video";
            case SNAPSHOT -> "snapshots";
            case CONTROL -> "control";
        }).collect(java.util.stream.Collectors.joining(" and "));
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " suspended by the platform " + plainWords
                + "; everything else works.";
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
