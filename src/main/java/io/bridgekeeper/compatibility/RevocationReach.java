package io.bridgekeeper.compatibility;

/** What revoking a model's certification on a surface touches now: its devices and their households. */
public record RevocationReach(long devices, long households) {
}
