package io.bridgekeeper.device;

import java.util.Arrays;
import java.util.List;

/** What a device is; cameras and displays matter most for isolation. */
public enum DeviceKind {
    CAMERA, DISPLAY, DOORBELL, LOCK, SENSOR, LIGHT, THERMOSTAT, PLUG, OTHER;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }

    /** Cameras and doorbells produce images that may be shown on a display. */
    public boolean showsImages() {
        return this == CAMERA || this == DOORBELL;
    }

    static boolean isKnown(String kind) {
        return Arrays.stream(values()).anyMatch(k -> k.name().equalsIgnoreCase(kind));
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
