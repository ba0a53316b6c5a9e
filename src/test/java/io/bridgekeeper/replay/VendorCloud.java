package io.bridgekeeper.replay;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The vendor's cloud with its versioned cache of camera stills. Every still carries the camera it was
 * taken by and the cache key the vendor attached to it (the one Bridgekeeper's resolve issued for
 * that camera). The defective version has the 2019 bug: under a poor network a request times out and
 * is retried, and the retry reads the cache slot of <em>another request in flight</em>, so it hands
 * back a stranger's still with the stranger's key.
 */
final class VendorCloud {

    /** A cache entry: a camera's latest still, whose household it belongs to, the key attached to it. */
    record Entry(String cameraId, long householdId, String cacheKey) {
    }

    private final String defectiveLabel;
    private final double poorNetworkShare;
    private final long serveNanos;
    private final Map<Long, Entry> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /**
     * @param poorNetworkShare the share of requests served by the defective version that time out and are retried
     * @param serveNanos       how long a request stays in flight (the cache's own latency)
     */
    VendorCloud(String defectiveLabel, double poorNetworkShare, long serveNanos) {
        this.defectiveLabel = defectiveLabel;
        this.poorNetworkShare = poorNetworkShare;
        this.serveNanos = serveNanos;
    }

    /** The still the cache hands back for {@code own}, served by cache version {@code versionLabel}. */
    Entry fetch(Entry own, String versionLabel, SplittableRandom random) {
        long id = requests.incrementAndGet();
        inFlight.put(id, own);
        try {
            LockSupport.parkNanos(serveNanos);
            if (defectiveLabel.equals(versionLabel) && random.nextDouble() < poorNetworkShare) {
                // timed out and retried: the retry reads the slot of whichever other request is in flight
                for (Map.Entry<Long, Entry> other : inFlight.entrySet()) {
                    if (other.getKey() != id) {
                        return other.getValue();
                    }
                }
            }
            return own;
        } finally {
            inFlight.remove(id);
        }
    }
}
