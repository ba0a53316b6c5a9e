package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionState.VendorState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Each device's last resolution, found in two memory reads: a slot of a direct-mapped table (one slot
 * per hash, the last answer stored there wins) and the answer in it, which is its own key. Resolve asks
 * for a random device among millions, so nearly every object it reads is a cache miss, and each miss
 * waits on the one before; the full path (device index, device entry, link entry, issued key) reads
 * twice as many, one after the other.
 *
 * <p>An answer holds for as long as what it was computed from: the device and its link (a change of
 * either {@linkplain #evict evicts} the device's slot), the vendor's state (an answer records the
 * {@link VendorState} object it used, and every change of a vendor publishes a new one) and the active
 * signing key id (recorded and compared the same way).
 *
 * <p>Freshness. A resolver {@linkplain #seen reads the slot} before it reads the device, and stores its
 * answer only if the slot still holds what it read ({@link #offer}, a compare-and-set). Eviction puts a
 * new tombstone in the slot after the device has left the device index. So an answer computed from a
 * device read before an eviction either is stored before the tombstone (which replaces it) or is not
 * stored at all; a resolver that read the tombstone read the device after the eviction. A
 * {@link #clear} tombstones every slot the same way.
 */
final class ResolveAnswers {

    /** A device's resolution and what it was computed from. */
    static final class Answer extends DeviceKey {
        final VendorState vendor;
        final String kid;
        final Resolution resolution;
        /** The resolution's reason, so that counting it does not read the resolution. */
        final DenyReason reason;

        Answer(DeviceKey key, VendorState vendor, String kid, Resolution resolution) {
            super(key);
            this.vendor = vendor;
            this.kid = kid;
            this.resolution = resolution;
            this.reason = resolution.reason();
        }
    }

    /** What an evicted slot holds: a new object every time, so a compare-and-set that read the slot before fails. */
    private static final class Tombstone {
    }

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    /** At most 2^24 slots (128 MiB of references). */
    private static final int MAX_SLOTS = 1 << 24;

    private final Object[] slots;

    /** A table of at least twice {@code devices} slots, so that few devices in use share one. */
    ResolveAnswers(long devices) {
        this.slots = new Object[size(devices)];
    }

    /** A power of two at least twice {@code devices}, from 1,024 to 2^24. */
    static int size(long devices) {
        long wanted = Math.clamp(2 * devices, 1_024, MAX_SLOTS);
        return (int) Long.highestOneBit(wanted - 1) << 1;
    }

    /** What the device's slot holds now: pass it to {@link #current} and to {@link #offer}. */
    Object seen(DeviceKey key) {
        return SLOTS.getVolatile(slots, slot(key));
    }

    /** The answer in {@code seen} when it is the device's and was computed from this vendor state and key id; otherwise null. */
    static Answer current(Object seen, DeviceKey key, VendorState vendor, String kid) {
        if (seen instanceof Answer a && a.vendor == vendor && a.kid == kid && key.equals(a)) {
            return a;
        }
        return null;
    }

    /** Stores the answer unless the slot changed since {@code seen} was read. */
    void offer(Object seen, Answer answer) {
        SLOTS.compareAndSet(slots, slot(answer), seen, answer);
    }

    /** The device changed: its answer, if stored, no longer holds, nor does one computed before now. */
    void evict(DeviceKey key) {
        SLOTS.setVolatile(slots, slot(key), new Tombstone());
    }

    /** Nothing stored holds any more. */
    void clear() {
        Tombstone cleared = new Tombstone();
        for (int i = 0; i < slots.length; i++) {
            SLOTS.setVolatile(slots, i, cleared);
        }
    }

    private int slot(DeviceKey key) {
        int h = key.hashCode();
        return (h ^ h >>> 16) & (slots.length - 1);
    }
}
