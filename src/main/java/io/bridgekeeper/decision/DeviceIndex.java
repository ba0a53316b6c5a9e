package io.bridgekeeper.decision;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The devices resolve asked for, bounded. A plain {@link ConcurrentHashMap}, not a Caffeine cache like
 * the links: a resolve is a walk through memory where each object read is likely a cache miss, and
 * Caffeine's node between the map and the entry (and its bookkeeping of every read) was one more.
 * Loads go through {@code computeIfAbsent}, so an eviction for a change that commits during a load
 * waits for the load and removes what it read.
 *
 * <p>The bound: over {@code max} entries, one caller at a time {@linkplain #trim trims} an arbitrary
 * tenth. The devices a node resolves are those that stream, asked for again and again, so which ones
 * go matters little.
 */
final class DeviceIndex {

    private final ConcurrentHashMap<DeviceKey, DeviceEntry> entries = new ConcurrentHashMap<>();
    private final Function<DeviceKey, DeviceEntry> load;
    private final long max;
    private final AtomicBoolean trimming = new AtomicBoolean();

    /** Holds at most {@code max} devices, and reads those it does not hold with {@code load} (null: no such device). */
    DeviceIndex(long max, Function<DeviceKey, DeviceEntry> load) {
        this.load = load;
        this.max = max;
    }

    /** The device's entry, loaded (and kept) when it is not here; null for no such device, which is not kept. */
    DeviceEntry get(DeviceKey key) {
        DeviceEntry e = entries.get(key);
        if (e == null) {
            e = entries.computeIfAbsent(key, load);
            if (e != null) {
                trimIfFull();
            }
        }
        return e;
    }

    /** Forgets the device: the next {@link #get} loads it again. */
    void evict(DeviceKey key) {
        entries.remove(key);
    }

    /** Forgets every device. */
    void clear() {
        entries.clear();
    }

    long size() {
        return entries.mappingCount();
    }

    private void trimIfFull() {
        if (entries.mappingCount() > max && trimming.compareAndSet(false, true)) {
            try {
                trim(entries, max);
            } finally {
                trimming.set(false);
            }
        }
    }

    /**
     * Removes entries in the map's (hash) order until it holds at most nine tenths of {@code max}, each
     * only if it is still the one mapped.
     */
    static <K, V> void trim(ConcurrentHashMap<K, V> map, long max) {
        long target = max - max / 10;
        Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
        while (map.mappingCount() > target && it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            map.remove(e.getKey(), e.getValue());
        }
    }
}
