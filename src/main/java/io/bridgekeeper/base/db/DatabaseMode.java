package io.bridgekeeper.base.db;

/** Whether the app runs on its own embedded PostgreSQL or on a configured server. */
public enum DatabaseMode {
    EMBEDDED, CONFIGURED
}
