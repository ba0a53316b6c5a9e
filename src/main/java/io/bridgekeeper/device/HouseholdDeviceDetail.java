package io.bridgekeeper.device;

import java.time.Instant;
import java.util.List;

/**
 * A device as its current household sees it: only its own period. What happened before it owned
 * the device (another household's period) is fenced off, and so are the displays of other homes.
 * {@code modelCode} is the vendor's model, as its last sync named it (null when none).
 */
public record HouseholdDeviceDetail(HouseholdDevice device, String vendorDeviceId, Instant ownerSince,
                                    List<HouseholdDevice> mayBeShownOn, String modelCode) {
}
