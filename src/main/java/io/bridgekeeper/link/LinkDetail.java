package io.bridgekeeper.link;

import io.bridgekeeper.device.DeviceRef;
import java.util.List;

/** A link for staff: the link, the devices that came through it and are owned now, and its epoch history. */
public record LinkDetail(LinkRow link, String unlinkReason, List<DeviceRef> devices, List<EpochChange> epochs) {
}
