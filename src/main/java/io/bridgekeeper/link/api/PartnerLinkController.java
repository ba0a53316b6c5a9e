package io.bridgekeeper.link.api;

import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.device.DeviceItem;
import io.bridgekeeper.device.InvalidDeviceItem;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.link.DevicePullRequest;
import io.bridgekeeper.link.LinkCompletion;
import io.bridgekeeper.link.PartnerDevice;
import io.bridgekeeper.link.PartnerLinkService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API for links and devices: a vendor completes a link with the household's one-time code,
 * replaces a linked account's device list, and reads a device (whose account it is in, and whether a
 * move between households waits for confirmation). Always for the key's own vendor.
 */
@RestController
@RequestMapping("/api/partner/v1")
class PartnerLinkController {

    record CompleteLink(String code, String externalAccountId) {
    }

    record DeviceList(List<DeviceItem> devices) {
    }

    private final PartnerLinkService links;

    PartnerLinkController(PartnerLinkService links) {
        this.links = links;
    }

    @PostMapping("/links")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed(Roles.VENDOR)
    LinkCompletion complete(@AuthenticationPrincipal VendorKeyPrincipal key, @RequestBody CompleteLink body) {
        return links.completeLink(key.vendorId(), body.code(), body.externalAccountId());
    }

    @PutMapping("/accounts/{externalAccountId}/devices")
    @RolesAllowed(Roles.VENDOR)
    SyncResult sync(@AuthenticationPrincipal VendorKeyPrincipal key, @PathVariable String externalAccountId,
                    @RequestBody DeviceList body) {
        return links.syncDevices(key.vendorId(), externalAccountId, body.devices());
    }

    /**
     * For an account linked by OAuth: "its devices changed". Bridgekeeper then pulls the list from the
     * vendor's device endpoint with the account's token (docs/oauth-linking.md); 202, as the pull follows.
     */
    @PostMapping("/accounts/{externalAccountId}/devices/changed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RolesAllowed(Roles.VENDOR)
    DevicePullRequest devicesChanged(@AuthenticationPrincipal VendorKeyPrincipal key,
                                     @PathVariable String externalAccountId) {
        return links.requestDevicePull(key.vendorId(), externalAccountId);
    }

    @GetMapping("/devices/{vendorDeviceId}")
    @RolesAllowed(Roles.VENDOR)
    PartnerDevice device(@AuthenticationPrincipal VendorKeyPrincipal key, @PathVariable String vendorDeviceId) {
        return links.device(key.vendorId(), vendorDeviceId);
    }

    /** A bad item of a batch: the problem names the item's index and the field, so the vendor can fix it. */
    @ExceptionHandler(InvalidDeviceItem.class)
    ProblemDetail invalidItem(InvalidDeviceItem e) {
        ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_REQUEST, e.type(), e.getMessage());
        p.setProperty("index", e.index());
        p.setProperty("field", e.field());
        p.setProperty("pointer", "/devices/" + e.index() + "/" + e.field());
        return p;
    }
}
