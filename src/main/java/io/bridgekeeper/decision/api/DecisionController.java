package io.bridgekeeper.decision.api;

import io.bridgekeeper.base.web.ProblemResponses;
import io.bridgekeeper.compatibility.CompatibilityLookup;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.decision.AuthorizeRequest;
import io.bridgekeeper.decision.Decision;
import io.bridgekeeper.decision.DecisionService;
import io.bridgekeeper.decision.ResolveRequest;
import io.bridgekeeper.decision.Resolution;
import io.bridgekeeper.vendor.Capability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision API, version 1: what the data plane asks before it shows a camera's image or stream.
 * Bad input is a 400 problem naming every field at fault; a refusal is not an error but an answer
 * (DENY with a reason code).
 */
@RestController
@RequestMapping("/api/decision/v1")
@Tag(name = "Decisions", description = "Asked by the data plane for every image and stream it shows. A refusal is an "
        + "answer (200, outcome DENY with one reason code), not an error; bad input is a 400 problem naming each "
        + "field; a missing or revoked service credential is a 401 problem; a call or vendor outside the credential's "
        + "scope is a 403 problem; over the credential's rate, a 429 problem with Retry-After.")
class DecisionController {

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Resolve one device. */
    public record ResolveBody(String vendor, String deviceId) {
    }

    public record ResolveBatch(List<ResolveBody> items) {
    }

    public record ResolveResults(List<Resolution> results) {
    }

    /** Authorize one delivery: source device of {@code vendor} onto the target device for the requester. */
    public record AuthorizeBody(String vendor, String sourceDeviceId, String targetVendor, String targetDeviceId,
                                Long requesterAccountId, String capability, String cacheKey) {
    }

    public record AuthorizeBatch(List<AuthorizeBody> items) {
    }

    public record AuthorizeResults(List<Decision> results) {
    }

    @Operation(summary = "Resolve a device", description = "The device's effective cache version (stable, or the "
            + "rollout's target when its bucket is inside the running stage) and a signed cache key scoped to its "
            + "owner, link epoch, cache version and device. DENY reasons: VENDOR_SUSPENDED, DEVICE_UNKNOWN, "
            + "DEVICE_DISABLED, OWNERSHIP_CONFLICT, LINK_ENDED, LINK_NEEDS_RELINK.")
    @PostMapping("/resolve")
    Resolution resolve(@RequestBody ResolveBody body) {
        Errors errors = new Errors();
        ResolveRequest request = resolveRequest(body, "", errors);
        errors.throwIfAny();
        return decisions.resolve(request);
    }

    @Operation(summary = "Resolve up to 500 devices", description = "One answer per item, in order.")
    @PostMapping("/resolve/batch")
    ResolveResults resolveBatch(@RequestBody ResolveBatch batch) {
        return new ResolveResults(decisions.resolveAll(
                requests(batch == null ? null : batch.items(), DecisionController::resolveRequest)));
    }

    @Operation(summary = "Authorize a delivery", description = "ALLOW, or DENY with one reason: VENDOR_SUSPENDED, "
            + "CAPABILITY_SUSPENDED, DEVICE_UNKNOWN, DEVICE_DISABLED, NOT_CERTIFIED, OWNERSHIP_CONFLICT, LINK_ENDED, LINK_NEEDS_RELINK, REQUESTER_NOT_OWNER, OWNER_MISMATCH, "
            + "OWNER_CHANGED, STALE_CACHE_KEY, FORGED_CACHE_KEY; with the effective cache version. OWNER_MISMATCH is an "
            + "isolation violation: recorded on an incident; proven (a genuine key of another owner came with the "
            + "request) it halts the vendor's rollout and suspends it by policy at once, claimed (the request only names "
            + "devices of two households) it counts toward the vendor's threshold. OWNER_CHANGED: the requester's own "
            + "key from before the device changed owner (stale, no incident). Ownership is "
            + "read at the moment of the call: a committed unlink or transfer is never answered from a stale copy. "
            + "Leave targetVendor out when the target is a platform device (a display).")
    @PostMapping("/authorize")
    Decision authorize(@RequestBody AuthorizeBody body) {
        Errors errors = new Errors();
        AuthorizeRequest request = authorizeRequest(body, "", errors);
        errors.throwIfAny();
        return decisions.authorize(request);
    }

    @Operation(summary = "Authorize up to 500 deliveries", description = "One answer per item, in order.")
    @PostMapping("/authorize/batch")
    AuthorizeResults authorizeBatch(@RequestBody AuthorizeBatch batch) {
        return new AuthorizeResults(decisions.authorizeAll(
                requests(batch == null ? null : batch.items(), DecisionController::authorizeRequest)));
    }

    /** One question of the compatibility lookup: a vendor's model on a platform surface. */
    public record CompatibilityBody(String vendor, String model, String surface) {
    }

    public record CompatibilityBatch(List<CompatibilityBody> items) {
    }

    public record CompatibilityResults(List<CompatibilityLookup> results) {
    }

    @Operation(summary = "Look up up to 500 model and surface pairs", description = "For each item, in order: known "
            + "(false when the vendor, the model or the surface does not exist), the status (DECLARED by the vendor, "
            + "CERTIFIED by an admin, or REVOKED), the capabilities the vendor declared for the surface, the cache "
            + "versions it is certified for, and suspended (true while a revoked certification refuses authorizations "
            + "of the model's devices to the surface as NOT_CERTIFIED). Needs a credential that may authorize, for the "
            + "vendors named.")
    @PostMapping("/compatibility")
    CompatibilityResults compatibility(@RequestBody CompatibilityBatch batch) {
        return new CompatibilityResults(decisions.compatibility(
                requests(batch == null ? null : batch.items(), DecisionController::lookupKey)));
    }

    private static CompatibilityService.LookupKey lookupKey(CompatibilityBody b, String at, Errors errors) {
        if (b == null) {
            errors.add(at.substring(0, at.length() - 1), "Send a JSON object with vendor, model and surface.");
            return null;
        }
        errors.text(at + "vendor", b.vendor(), "the vendor's slug");
        errors.text(at + "model", b.model(), "the vendor's model id");
        errors.text(at + "surface", b.surface(), "the surface's code (smart-display, speaker-screen, ...)");
        return new CompatibilityService.LookupKey(b.vendor(), b.model(), b.surface());
    }

    /** Reads one item of a batch into a request, adding its field errors under {@code prefix}. */
    private interface ItemReader<B, R> {
        R read(B body, String prefix, Errors errors);
    }

    /** Every item of a batch as a request, or a problem naming each invalid field ("items[3].device"). */
    private static <B, R> List<R> requests(List<B> batch, ItemReader<B, R> reader) {
        Errors errors = new Errors();
        List<B> items = items(batch, errors);
        List<R> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            requests.add(reader.read(items.get(i), "items[" + i + "].", errors));
        }
        errors.throwIfAny();
        return requests;
    }

    private static <T> List<T> items(List<T> items, Errors errors) {
        if (items == null || items.isEmpty()) {
            errors.add("items", "Send at least one item.");
            return List.of();
        }
        if (items.size() > DecisionService.MAX_BATCH) {
            errors.add("items", "Send at most " + DecisionService.MAX_BATCH + " items per batch (got " + items.size() + ").");
            return List.of();
        }
        return items;
    }

    private static ResolveRequest resolveRequest(ResolveBody b, String at, Errors errors) {
        if (b == null) {
            errors.add(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "Send a JSON object with vendor and deviceId.");
            return null;
        }
        errors.text(at + "vendor", b.vendor(), "the vendor's slug");
        errors.text(at + "deviceId", b.deviceId(), "the vendor's device id");
        return new ResolveRequest(b.vendor(), b.deviceId());
    }

    private static AuthorizeRequest authorizeRequest(AuthorizeBody b, String at, Errors errors) {
        if (b == null) {
            errors.add(at.isEmpty() ? "body" : at.substring(0, at.length() - 1),
                    "Send a JSON object with vendor, sourceDeviceId, targetDeviceId, requesterAccountId, capability and cacheKey.");
            return null;
        }
        errors.text(at + "vendor", b.vendor(), "the source device's vendor slug");
        errors.text(at + "sourceDeviceId", b.sourceDeviceId(), "the vendor's id of the source device");
        errors.text(at + "targetDeviceId", b.targetDeviceId(), "the target device's id");
        if (b.targetVendor() != null && b.targetVendor().isBlank()) {
            errors.add(at + "targetVendor", "Leave targetVendor out for a platform device, or give the target's vendor slug.");
        } else if (b.targetVendor() != null) {
            errors.text(at + "targetVendor", b.targetVendor(), "the target's vendor slug");
        }
        if (b.requesterAccountId() == null) {
            errors.add(at + "requesterAccountId", "Give the requesting account's id.");
        }
        Capability capability = null;
        if (b.capability() == null || b.capability().isBlank()) {
            errors.add(at + "capability", "Give the capability: one of CAMERA_STREAM, SNAPSHOT, CONTROL.");
        } else {
            try {
                capability = Capability.valueOf(b.capability());
            } catch (IllegalArgumentException e) {
                errors.add(at + "capability", "'" + b.capability() + "' is not a capability: use CAMERA_STREAM, SNAPSHOT or CONTROL.");
            }
        }
        errors.text(at + "cacheKey", b.cacheKey(), "the cache key the data plane holds (from resolve)");
        if (errors.any()) {
            return null;
        }
        return new AuthorizeRequest(b.vendor(), b.sourceDeviceId(), b.targetVendor(), b.targetDeviceId(),
                b.requesterAccountId(), capability, b.cacheKey());
    }

    /** Every field at fault, then one 400 problem. */
    private static final class Errors {
        private final List<Map<String, String>> list = new ArrayList<>();

        /**
         * Present, at most 256 characters, and without control characters: checked here, before the request
         * joins a database read shared with other callers' requests (a NUL byte fails a PostgreSQL read).
         */
        void text(String field, String value, String what) {
            if (value == null || value.isBlank()) {
                add(field, "Give " + what + ".");
            } else if (value.length() > 256) {
                add(field, "Too long: at most 256 characters.");
            } else if (value.chars().anyMatch(Character::isISOControl)) {
                add(field, "Control characters (such as NUL) are not allowed here.");
            }
        }

        void add(String field, String message) {
            list.add(Map.of("field", field, "message", message));
        }

        boolean any() {
            return !list.isEmpty();
        }

        void throwIfAny() {
            if (list.isEmpty()) {
                return;
            }
            ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    list.size() == 1 ? list.getFirst().get("message") : "The request has " + list.size() + " invalid fields.");
            p.setProperty("errors", list);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
        }
    }
}
