package io.bridgekeeper.decision;

/** Resolve: which cache version and key for this vendor's device (the vendor's own device id). */
public record ResolveRequest(String vendor, String deviceId) {
}
