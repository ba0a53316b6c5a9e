package io.bridgekeeper.rollout.api;

import io.bridgekeeper.rollout.CacheVersion;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.NewCacheVersion;
import io.bridgekeeper.rollout.TelemetryReport;
import io.bridgekeeper.rollout.TelemetryService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API of rollouts: a vendor registers its cache versions and reports telemetry per
 * cache version and minute. Everything is scoped to the key's vendor; bad input is an RFC 9457
 * problem naming the field.
 */
@RestController
@RequestMapping("/api/partner/v1")
class PartnerRolloutController {

    private final CacheVersionService versions;
    private final TelemetryService telemetry;

    PartnerRolloutController(CacheVersionService versions, TelemetryService telemetry) {
        this.versions = versions;
        this.telemetry = telemetry;
    }

    record TelemetryBatch(List<TelemetryReport> reports) {
    }

    record Registered(long id, String label) {
    }

    @PostMapping("/telemetry")
    @RolesAllowed(Roles.VENDOR)
    TelemetryService.Outcome report(@AuthenticationPrincipal VendorKeyPrincipal key, @RequestBody TelemetryBatch batch) {
        return telemetry.report(key.vendorId(), batch == null ? null : batch.reports());
    }

    @GetMapping("/cache-versions")
    @RolesAllowed(Roles.VENDOR)
    List<CacheVersion> cacheVersions(@AuthenticationPrincipal VendorKeyPrincipal key) {
        return versions.listForVendor(key.vendorId());
    }

    @PostMapping("/cache-versions")
    @RolesAllowed(Roles.VENDOR)
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@AuthenticationPrincipal VendorKeyPrincipal key, @RequestBody NewCacheVersion version) {
        return new Registered(versions.registerByVendor(key.vendorId(), version), version.label().trim());
    }
}
