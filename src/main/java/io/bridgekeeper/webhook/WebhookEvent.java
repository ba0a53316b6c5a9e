package io.bridgekeeper.webhook;

/** What a webhook tells a vendor. */
public enum WebhookEvent {
    /** A household unlinked the vendor account or one of its devices: stop serving it. */
    DISCONNECT,
    /** The platform suspended the vendor's integration. */
    SUSPENDED,
    /** The suspension was lifted. */
    RESUMED
}
