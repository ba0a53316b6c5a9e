package io.bridgekeeper.decision.api;

import io.bridgekeeper.decision.InvalidObservations;
import io.bridgekeeper.decision.Observation;
import io.bridgekeeper.decision.ObservationResult;
import io.bridgekeeper.decision.ObservationService;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery observations, on the decision API (the platform's data plane) and on the partner API (the
 * vendor's own checks): what displays actually received. A batch with any bad item is one 400 problem
 * naming every field at fault, and nothing is stored.
 */
@RestController
@Tag(name = "Observations", description = "What a display actually received, reported sampled. Content of another "
        + "household than the display's is an isolation violation (evidence kind OBSERVED, proven): SEV1 incident, "
        + "rollout halted and rolled back, the vendor's camera capabilities suspended by its policy, exposure report.")
class ObservationController {

    private final ObservationService observations;

    ObservationController(ObservationService observations) {
        this.observations = observations;
    }

    /**
     * One observation. {@code contentDeviceId}: the camera the content came from, as the content itself
     * says; {@code cacheKey}: the key the vendor attached to it; {@code displayVendor}: leave out for a
     * platform display; {@code probe}: sent by a canary prober. {@code vendor} is ignored on the partner API.
     */
    public record ObservationBody(String vendor, String contentDeviceId, String displayVendor, String displayDeviceId,
                                  String capability, String cacheKey, String observedAt, Boolean probe) {
    }

    public record ObservationBatch(List<ObservationBody> items) {
    }

    @Operation(summary = "Report what displays received (data plane)", description = "Up to 500 observations; "
            + "needs a service credential allowed OBSERVE for the vendors named. One result per item, in order: OK, "
            + "or VIOLATION with the incident it was recorded on. Unknown devices, keys that Bridgekeeper did not "
            + "sign for the content's device, times more than 2 min ahead or 24 h old are 400 problems.")
    @PostMapping("/api/decision/v1/observations")
    ObservationResult observe(@RequestBody ObservationBatch batch) {
        return observations.observe(items(batch, false));
    }

    @Operation(summary = "Report what displays received (vendor)", description = "The vendor's own checks: the same "
            + "as the decision API's observations, for content of the key's vendor only (leave vendor out).")
    @PostMapping("/api/partner/v1/observations")
    @RolesAllowed(Roles.VENDOR)
    ObservationResult observeAsVendor(@AuthenticationPrincipal VendorKeyPrincipal key,
                                      @RequestBody ObservationBatch batch) {
        return observations.observeForVendor(key.vendorId(), items(batch, true));
    }

    /** Parsed into observations; a value that does not parse is a field error before anything is looked up. */
    private static List<Observation> items(ObservationBatch batch, boolean partner) {
        List<ObservationBody> bodies = batch == null ? null : batch.items();
        if (bodies == null || bodies.isEmpty() || bodies.size() > ObservationService.MAX_BATCH) {
            // the service refuses the size, in the one place that says how many may be sent
            return bodies == null ? null : new ArrayList<>(bodies.stream().map(b -> (Observation) null).toList());
        }
        List<Map<String, String>> errors = new ArrayList<>();
        List<Observation> items = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            ObservationBody b = bodies.get(i);
            String at = "items[" + i + "].";
            if (b == null) {
                items.add(null);
                continue;
            }
            Capability capability = null;
            if (b.capability() != null) {
                try {
                    capability = Capability.valueOf(b.capability());
                } catch (IllegalArgumentException e) {
                    errors.add(Map.of("field", at + "capability", "message", "'" + clip(b.capability())
                            + "' is not a capability: use CAMERA_STREAM, SNAPSHOT or CONTROL."));
                }
            }
            Instant observedAt = null;
            if (b.observedAt() != null) {
                try {
                    observedAt = Instant.parse(b.observedAt());
                } catch (DateTimeParseException e) {
                    errors.add(Map.of("field", at + "observedAt", "message",
                            "Not an ISO-8601 instant such as 2026-12-03T10:15:30Z."));
                }
            }
            items.add(new Observation(partner ? null : b.vendor(), b.contentDeviceId(), b.displayVendor(),
                    b.displayDeviceId(), capability, b.cacheKey(), observedAt, Boolean.TRUE.equals(b.probe())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidObservations(errors);
        }
        return items;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
