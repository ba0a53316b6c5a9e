package io.bridgekeeper.device;

/** The live link a sync comes through: its household owns what the vendor reports for it. */
public record LinkedOwner(long linkId, long accountId, long vendorId, int epoch) {
}
