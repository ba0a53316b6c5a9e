package io.bridgekeeper.base.cluster;

/**
 * A module's in-memory state that other nodes' commits must reach. The module sends
 * {@code pg_notify(channel, payload)} inside its transaction; PostgreSQL delivers it to every node at
 * commit. After a lost connection, {@link #onListening()} runs again before any new notification,
 * so the state is reloaded in full and nothing missed while disconnected stays missed.
 */
public interface ClusterListener {

    /** The PostgreSQL channel (a plain identifier). */
    String channel();

    /** Reload everything: called each time the node (re)starts listening, before notifications flow. */
    void onListening();

    /** The connection is gone: stop trusting memory until {@link #onListening()} has run again. */
    void onDisconnected();

    void onNotification(String payload);
}
