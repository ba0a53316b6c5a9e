package io.bridgekeeper.device;

/** What a device is; cameras and displays matter most for isolation. */
public enum DeviceKind {
    CAMERA, DISPLAY, DOORBELL, LOCK, SENSOR, LIGHT, THERMOSTAT, PLUG, OTHER;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
