package io.bridgekeeper.webhook;

/**
 * Where a webhook delivery stands: waiting, failing and retrying, done (the vendor's 2xx or ack), or a
 * dead letter: retried up to the horizon without success, waiting for a person to redeliver it.
 */
public enum DeliveryStatus {
    PENDING, RETRYING, ACKNOWLEDGED, DEAD_LETTER;

    public boolean isOpen() {
        return this == PENDING || this == RETRYING;
    }
}
