package io.bridgekeeper.decision;

/**
 * A vendor's device id as the key of {@link DecisionState}'s device cache, made so that finding it
 * costs few memory reads. Resolve looks up a random device of millions: every object the lookup
 * touches is a likely cache miss, and comparing a fresh key with the stored one through
 * {@code String.equals} reads the stored key, its string and the string's bytes, three dependent
 * misses. An id of at most 16 single-byte characters (most vendor ids: {@code bench-123456-2},
 * serial numbers, MAC addresses) is therefore packed into two {@code long}s of the key itself, and
 * equality compares those; a longer or wider id is compared as a string.
 *
 * <p>An {@link ResolveAnswers.Answer} is the key of the device it answers for, so that telling whether
 * an answer is the one asked for reads the answer alone, not a key object first.
 */
sealed class DeviceKey permits ResolveAnswers.Answer {

    private static final int PACKED = 16;

    private final long vendorId;
    private final String vendorDeviceId;
    /** The id's length when it is packed into {@link #lo} and {@link #hi}, otherwise -1. */
    private final int packedLength;
    private final long lo;
    private final long hi;
    private final int hash;

    DeviceKey(long vendorId, String vendorDeviceId) {
        this.vendorId = vendorId;
        this.vendorDeviceId = vendorDeviceId;
        int length = vendorDeviceId.length();
        long l = 0;
        long h = 0;
        boolean packable = length <= PACKED;
        for (int i = 0; packable && i < length; i++) {
            char c = vendorDeviceId.charAt(i);
            if (c > 0xFF) {
                packable = false;
            } else if (i < 8) {
                l |= (long) c << (8 * i);
            } else {
                h |= (long) c << (8 * (i - 8));
            }
        }
        this.packedLength = packable ? length : -1;
        this.lo = packable ? l : 0;
        this.hi = packable ? h : 0;
        this.hash = packable
                ? Long.hashCode(vendorId * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL ^ h * 0x165667B19E3779F9L ^ length)
                : 31 * Long.hashCode(vendorId) + vendorDeviceId.hashCode();
    }

    /** The same key, as the start of a subclass's object. */
    DeviceKey(DeviceKey key) {
        this.vendorId = key.vendorId;
        this.vendorDeviceId = key.vendorDeviceId;
        this.packedLength = key.packedLength;
        this.lo = key.lo;
        this.hi = key.hi;
        this.hash = key.hash;
    }

    long vendorId() {
        return vendorId;
    }

    String vendorDeviceId() {
        return vendorDeviceId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeviceKey k) || k.vendorId != vendorId || k.packedLength != packedLength) {
            return false;
        }
        return packedLength >= 0 ? k.lo == lo && k.hi == hi : k.vendorDeviceId.equals(vendorDeviceId);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return vendorId + "/" + vendorDeviceId;
    }
}
