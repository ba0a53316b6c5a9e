package io.bridgekeeper.vendor.api;

import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a vendor check which vendor and key a request is authenticated as. */
@RestController
@RequestMapping("/api/partner/v1")
class PartnerIdentityController {

    record Identity(String vendor, String keyPrefix) {
    }

    @GetMapping("/me")
    @RolesAllowed(Roles.VENDOR)
    Identity me(@AuthenticationPrincipal VendorKeyPrincipal key) {
        return new Identity(key.vendorSlug(), key.keyPrefix());
    }
}
