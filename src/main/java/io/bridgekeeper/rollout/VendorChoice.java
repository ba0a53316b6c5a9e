package io.bridgekeeper.rollout;

/** A vendor to filter by or plan a rollout for. */
public record VendorChoice(long id, String name, String slug) {
}
