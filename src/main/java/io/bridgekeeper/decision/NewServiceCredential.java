package io.bridgekeeper.decision;

/** A credential just created: the only time its full key is shown. */
public record NewServiceCredential(long id, String name, String key) {
}
