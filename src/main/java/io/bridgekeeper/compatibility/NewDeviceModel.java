package io.bridgekeeper.compatibility;

import java.util.List;

/** A model as the vendor registers it; {@code capabilities} by name (CAMERA_STREAM, SNAPSHOT, CONTROL). */
public record NewDeviceModel(String code, String name, String kind, List<String> capabilities) {
}
