package io.bridgekeeper.vendor;

/** What an integration may do on the platform; a suspension can cover all or some. */
public enum Capability {
    CAMERA_STREAM("Camera stream"), SNAPSHOT("Snapshot"), CONTROL("Control");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
