package io.bridgekeeper.audit;

/** A vendor to filter by. */
public record VendorOption(long id, String slug, String name) {
}
