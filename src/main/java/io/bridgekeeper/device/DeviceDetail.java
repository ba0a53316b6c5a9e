package io.bridgekeeper.device;

import java.util.List;

/** A device for staff: its row and its whole ownership history, newest first. */
public record DeviceDetail(DeviceRow device, List<OwnershipPeriod> history) {
}
