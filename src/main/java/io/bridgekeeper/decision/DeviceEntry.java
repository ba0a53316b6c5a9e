package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionState.ActiveRollout;
import io.bridgekeeper.rollout.Buckets;

/**
 * A device as resolve needs it, in as few objects as will do (each is a likely cache miss when a
 * random device of millions is asked for): its state two flags, owner and link plain longs
 * ({@link DecisionState#NONE} for none), and it holds the device's link entry and the last key issued
 * for it.
 */
final class DeviceEntry {

    /** The last cache key issued for the device, and what it was issued for. */
    record IssuedKey(long cacheVersionId, int epoch, String kid, String key) {
    }

    final long id;
    final String vendorDeviceId;
    final boolean removed;
    final boolean disabled;
    final boolean inConflict;
    final long ownerId;
    final long linkId;
    /** The link as last looked up; replaced when {@link LinkEntry#superseded}. */
    volatile LinkEntry link;
    volatile IssuedKey memo;
    /** The device's bucket in the rollout last asked about: the rollout's id in the high bits, the bucket in the low 14. */
    private volatile long bucketMemo;

    DeviceEntry(long id, String vendorDeviceId, String state, long ownerId, long linkId) {
        this.id = id;
        this.vendorDeviceId = vendorDeviceId;
        this.removed = "REMOVED".equals(state);
        this.disabled = "DISABLED".equals(state);
        this.inConflict = "CONFLICT".equals(state);
        this.ownerId = ownerId;
        this.linkId = linkId;
    }

    /**
     * {@link Buckets#bucket} of this device under the rollout, computed once per rollout (its salt
     * never changes): the hash of salt and id was a twentieth of a resolve.
     */
    int bucket(ActiveRollout rollout) {
        long tag = rollout.id();
        if (tag > MEMO_TAG_MAX) {
            return Buckets.bucket(rollout.salt(), vendorDeviceId);
        }
        long memo = bucketMemo;
        if (memo >>> BUCKET_BITS == tag) {
            return (int) (memo & ((1 << BUCKET_BITS) - 1));
        }
        int bucket = Buckets.bucket(rollout.salt(), vendorDeviceId);
        bucketMemo = tag << BUCKET_BITS | bucket;
        return bucket;
    }

    private static final int BUCKET_BITS = 14;
    private static final long MEMO_TAG_MAX = (1L << (63 - BUCKET_BITS)) - 1;
}
