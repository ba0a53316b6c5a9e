package io.bridgekeeper.compatibility;

/**
 * What a vendor says works: its model's {@code capability} on the {@code surface} (a surface code), from the
 * cache version labelled {@code sinceVersion} on.
 */
public record NewCompatibility(String surface, String capability, String sinceVersion) {
}
