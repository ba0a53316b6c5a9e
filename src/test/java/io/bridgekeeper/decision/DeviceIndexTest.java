package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/** {@link DeviceIndex}: loads, evictions, clears and its bound. An entry's id stands for the device's version when it was read. */
class DeviceIndexTest {

    private final AtomicLongArray versions = new AtomicLongArray(2_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final DeviceIndex index = new DeviceIndex(1_000, this::load);

    private DeviceEntry load(DeviceKey key) {
        loads.incrementAndGet();
        int n = Integer.parseInt(key.vendorDeviceId().substring(4));
        return n >= versions.length() ? null
                : new DeviceEntry(versions.get(n), key.vendorDeviceId(), "ACTIVE", 1, 1);
    }

    static DeviceKey key(int n) {
        return new DeviceKey(7, "dev-" + n);
    }

    @Test
    void a_device_is_loaded_once_and_found_again_until_it_is_evicted() {
        DeviceEntry first = index.get(key(1));
        assertThat(index.get(new DeviceKey(7, "dev-1"))).isSameAs(first);
        assertThat(loads).hasValue(1);

        versions.set(1, 5);
        index.evict(key(1));
        assertThat(index.get(key(1)).id).isEqualTo(5);
        assertThat(loads).hasValue(2);
    }

    @Test
    void an_unknown_device_is_not_kept() {
        assertThat(index.get(key(5_000))).isNull();
        assertThat(index.get(key(5_000))).isNull();
        assertThat(loads).hasValue(2);
        assertThat(index.size()).isZero();
    }

    @Test
    void a_clear_forgets_every_device() {
        for (int n = 0; n < 100; n++) {
            index.get(key(n));
        }
        versions.set(42, 9);
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(key(42)).id).isEqualTo(9);
    }

    @Test
    void a_full_index_is_trimmed_to_nine_tenths() {
        for (int n = 0; n < 1_001; n++) {
            index.get(key(n));
        }
        assertThat(index.size()).isEqualTo(900);
    }

    @Test
    void trim_removes_a_tenth_and_keeps_the_rest_intact() {
        ConcurrentHashMap<DeviceKey, String> map = new ConcurrentHashMap<>();
        for (int i = 0; i < 1_050; i++) {
            map.put(new DeviceKey(1, "dev-" + i), "entry-" + i);
        }
        DeviceIndex.trim(map, 1_000);
        assertThat(map.mappingCount()).isEqualTo(900);
        map.forEach((k, v) -> assertThat(v).isEqualTo("entry-" + k.vendorDeviceId().substring(4)));
    }
}
