package io.bridgekeeper.link;

import io.bridgekeeper.device.DeviceRef;
import java.util.List;

/** What an unlink will do, shown before the household confirms it. */
public record UnlinkPreview(long linkId, String vendorName, String externalAccountId, List<DeviceRef> devices) {
}
