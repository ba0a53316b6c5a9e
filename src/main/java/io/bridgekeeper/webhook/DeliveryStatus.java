package io.bridgekeeper.webhook;

/** Where a webhook delivery stands: waiting, failing and retrying, done (the vendor's 2xx or ack), or given up. */
public enum DeliveryStatus {
    PENDING, RETRYING, ACKNOWLEDGED, FAILED;

    public boolean isOpen() {
        return this == PENDING || this == RETRYING;
    }
}
