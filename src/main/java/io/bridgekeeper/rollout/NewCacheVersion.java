package io.bridgekeeper.rollout;

/** A cache version to register: a label unique per vendor, what it changes, and its release notes. */
public record NewCacheVersion(String label, String description, String releaseNotes) {
}
