package io.bridgekeeper.link;

import io.bridgekeeper.device.DeviceItem;
import java.util.List;

/**
 * What a vendor's device endpoint listed for an access token: the vendor account the token is for, and
 * its devices (the contract is in docs/oauth-linking.md and the partner API's OpenAPI).
 */
public record VendorDevices(String account, List<DeviceItem> devices) {
}
