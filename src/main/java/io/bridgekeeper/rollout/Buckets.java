package io.bridgekeeper.rollout;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A device's bucket in a rollout: MurmurHash3 (x86, 32 bit, seed 0) of {@code salt + ":" + deviceId}
 * in UTF-8, unsigned, modulo 10,000. A stage of p percent holds the buckets below p × 100, so raising
 * the percentage only ever adds devices. The same function everywhere: the decision path, the
 * portal's "moves N more devices", the tests.
 */
public final class Buckets {

    public static final int COUNT = 10_000;

    private Buckets() {
    }

    /** The bucket, 0..9999, of a device (the vendor's device id) under a rollout's salt. */
    public static int bucket(String salt, String deviceId) {
        byte[] key = (salt + ":" + deviceId).getBytes(StandardCharsets.UTF_8);
        return (int) (Integer.toUnsignedLong(MurmurHash3.hash32x86(key, 0, key.length, 0)) % COUNT);
    }

    /** True when a device in this bucket is on the target version at this percentage. */
    public static boolean inStage(int bucket, int percent) {
        return bucket < percent * (COUNT / 100);
    }
}
