package io.bridgekeeper.compatibility.api;

import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.compatibility.CompatibilityLookup;
import io.bridgekeeper.compatibility.CompatibilityRow;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.DeviceModel;
import io.bridgekeeper.compatibility.NewCompatibility;
import io.bridgekeeper.compatibility.NewDeviceModel;
import io.bridgekeeper.compatibility.Surface;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API of compatibility: a vendor registers its device models, declares which capability of a model
 * works on which platform surface from which cache version on, and reads where each stands (declared, certified,
 * revoked). Always the key's own vendor; bad input is an RFC 9457 problem naming the field.
 */
@RestController
@RequestMapping("/api/partner/v1")
@Tag(name = "Compatibility", description = "Device models, what works on which platform surface, and certification. "
        + "A device sync names a device's model by its id (DeviceItem.model); an admin certifies a model on a surface "
        + "for a cache version, and a revoked certification refuses deliveries of the model's devices to that surface "
        + "(NOT_CERTIFIED) until certified again.")
class PartnerCompatibilityController {

    private final CompatibilityService compatibility;

    PartnerCompatibilityController(CompatibilityService compatibility) {
        this.compatibility = compatibility;
    }

    record Registered(long id, String code) {
    }

    record Declared(long id) {
    }

    record LookupItem(String model, String surface) {
    }

    record LookupBatch(List<LookupItem> items) {
    }

    record LookupResults(List<CompatibilityLookup> results) {
    }

    @Operation(summary = "The platform's surfaces", description = "Each surface's code and the capabilities it may use.")
    @GetMapping("/surfaces")
    @RolesAllowed(Roles.VENDOR)
    List<Surface> surfaces() {
        return compatibility.surfaces();
    }

    @Operation(summary = "The vendor's device models")
    @GetMapping("/models")
    @RolesAllowed(Roles.VENDOR)
    List<DeviceModel> models(@AuthenticationPrincipal VendorKeyPrincipal key) {
        return compatibility.modelsForVendor(key.vendorId());
    }

    @Operation(summary = "Register a device model", description = "code: 1 to 64 letters, digits or . _ - (what device "
            + "syncs name as the device's model); kind: a device kind; capabilities: those of the vendor's that the model "
            + "has. 409 when the vendor already has the code.")
    @PostMapping("/models")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed(Roles.VENDOR)
    Registered register(@AuthenticationPrincipal VendorKeyPrincipal key, @RequestBody NewDeviceModel model) {
        long id = compatibility.registerModelByVendor(key.vendorId(), model);
        return new Registered(id, model.code().strip());
    }

    @Operation(summary = "Declare what works", description = "The model's capability on the surface from the cache "
            + "version labelled sinceVersion on; declaring the same model, surface and capability again moves its "
            + "version. Declared entries wait for an admin's certification.")
    @PutMapping("/models/{code}/compatibility")
    @RolesAllowed(Roles.VENDOR)
    Declared declare(@AuthenticationPrincipal VendorKeyPrincipal key, @PathVariable String code,
                     @RequestBody NewCompatibility entry) {
        return new Declared(compatibility.declareByVendor(key.vendorId(), code, entry));
    }

    @Operation(summary = "Every entry of the vendor's models", description = "With its status and the cache versions "
            + "it is certified for; a revoked one carries the admin's reason.")
    @GetMapping("/compatibility")
    @RolesAllowed(Roles.VENDOR)
    List<CompatibilityRow> entries(@AuthenticationPrincipal VendorKeyPrincipal key) {
        return compatibility.entriesForVendor(key.vendorId());
    }

    @Operation(summary = "Look up up to 500 of the vendor's model and surface pairs", description = "One answer per "
            + "item, in order; a model or surface that does not exist is answered known: false.")
    @PostMapping("/compatibility/lookup")
    @RolesAllowed(Roles.VENDOR)
    LookupResults lookup(@AuthenticationPrincipal VendorKeyPrincipal key, @RequestBody LookupBatch batch) {
        List<Map<String, String>> errors = new ArrayList<>();
        List<CompatibilityService.LookupKey> keys = new ArrayList<>();
        List<LookupItem> items = batch == null || batch.items() == null ? List.of() : batch.items();
        if (items.isEmpty()) {
            errors.add(Map.of("field", "items", "message", "Send at least one item."));
        } else if (items.size() > CompatibilityService.MAX_LOOKUP) {
            errors.add(Map.of("field", "items", "message", "Send at most " + CompatibilityService.MAX_LOOKUP
                    + " items per batch (got " + items.size() + ")."));
        } else {
            for (int i = 0; i < items.size(); i++) {
                LookupItem item = items.get(i);
                if (item == null) {
                    errors.add(Map.of("field", "items[" + i + "]", "message", "Send a JSON object with model and surface."));
                    continue;
                }
                text(errors, "items[" + i + "].model", item.model());
                text(errors, "items[" + i + "].surface", item.surface());
                keys.add(new CompatibilityService.LookupKey(key.vendorSlug(), item.model(), item.surface()));
            }
        }
        if (!errors.isEmpty()) {
            ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    errors.size() == 1 ? errors.getFirst().get("message") : "The request has " + errors.size()
                            + " invalid fields.");
            p.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
        }
        return new LookupResults(compatibility.lookupForVendor(key.vendorId(), keys));
    }

    private static void text(List<Map<String, String>> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(Map.of("field", field, "message", "Give the " + field.substring(field.indexOf('.') + 1) + "."));
        } else if (value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(Map.of("field", field, "message", "At most 256 characters, without control characters."));
        }
    }
}
