package io.bridgekeeper.device;

import io.bridgekeeper.base.DomainException;

/** A device item of a sync breaks a rule; the problem response names the item (0-based) and the field. */
public class InvalidDeviceItem extends DomainException {

    private final int index;
    private final String field;

    InvalidDeviceItem(int index, String field, String message) {
        super("invalid-device", 400, "Item " + index + ", field '" + field + "': " + message
                + " Nothing of the batch was written.");
        this.index = index;
        this.field = field;
    }

    public int index() {
        return index;
    }

    public String field() {
        return field;
    }
}
