package io.bridgekeeper.vendor;

/** A freshly created API key: the only moment its secret exists outside the vendor's hands. */
public record NewApiKey(long id, String name, String prefix, String secret) {
}
