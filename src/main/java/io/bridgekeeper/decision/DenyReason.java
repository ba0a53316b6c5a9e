package io.bridgekeeper.decision;

/**
 * Why a delivery (or a resolve) was refused. Checked in this order, so one request has one reason:
 * the vendor's kill switch, the devices, their model's certification on the target's surface, the links, who asks, whose devices, then the cache key.
 */
public enum DenyReason {
    /** The vendor's integration is suspended (or not live: onboarding, retired). */
    VENDOR_SUSPENDED,
    /** The capability asked for is suspended for this vendor, or the vendor does not offer it. */
    CAPABILITY_SUSPENDED,
    /** No such device (never synced, or removed). */
    DEVICE_UNKNOWN,
    /** The device is disabled. */
    DEVICE_DISABLED,
    /**
     * An admin revoked the certification of the source device's model on the target's surface (a scoped suspension,
     * reason CERTIFICATION): refused until the pair is certified again.
     */
    NOT_CERTIFIED,
    /**
     * A vendor listed the device under another household's account: it is held for both households until
     * the new one confirms the move or an admin resolves it.
     */
    OWNERSHIP_CONFLICT,
    /** The device has no owner any more: its vendor account was unlinked or the device detached. */
    LINK_ENDED,
    /**
     * The device's vendor account is linked by OAuth and the vendor refused to refresh its tokens (consent withdrawn,
     * tokens revoked at the vendor): refused until the household links the account again.
     */
    LINK_NEEDS_RELINK,
    /** The requester does not own the target display. */
    REQUESTER_NOT_OWNER,
    /**
     * Source and target belong to different households, or the key was issued to another owner: an isolation
     * violation, proven when a genuine key of another owner came with the request, otherwise claimed
     * (docs/decision-evidence.md).
     */
    OWNER_MISMATCH,
    /**
     * The source device changed owner (transfer, relink) after the requester's household was issued the key it
     * presents: a stale key, not evidence of a violation.
     */
    OWNER_CHANGED,
    /** The key is genuine but for an earlier link epoch or cache version, or signed by a retired secret. */
    STALE_CACHE_KEY,
    /** The key is not one Bridgekeeper issued for this device. */
    FORGED_CACHE_KEY;
}
