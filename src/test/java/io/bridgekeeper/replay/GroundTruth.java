package io.bridgekeeper.replay;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What really happened, kept by the simulator whatever Bridgekeeper says: every still requested, which
 * of them the cache mixed up (content of another household than the display's), and which were shown.
 */
final class GroundTruth {

    /** One household's still sent toward another household's display. */
    record Pair(long exposedHouseholdId, long viewerHouseholdId) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            int c = Long.compare(exposedHouseholdId, o.exposedHouseholdId);
            return c != 0 ? c : Long.compare(viewerHouseholdId, o.viewerHouseholdId);
        }
    }

    final LongAdder requested = new LongAdder();
    final LongAdder defectiveServed = new LongAdder();
    final LongAdder mixedUp = new LongAdder();
    final LongAdder shown = new LongAdder();
    final LongAdder shownToWrongHousehold = new LongAdder();
    final LongAdder refused = new LongAdder();
    private final Set<Pair> attempted = ConcurrentHashMap.newKeySet();
    private final Set<Pair> shownPairs = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> firstMixUp = new AtomicReference<>();

    void mixUp(Pair pair, Instant at) {
        mixedUp.increment();
        attempted.add(pair);
        firstMixUp.accumulateAndGet(at, (a, b) -> a == null || b.isBefore(a) ? b : a);
    }

    void shown(Pair wrong) {
        shown.increment();
        if (wrong != null) {
            shownToWrongHousehold.increment();
            shownPairs.add(wrong);
        }
    }

    Instant firstMixUp() {
        return firstMixUp.get();
    }

    /** Every (exposed, viewer) pair whose still the cache sent toward the viewer's display. */
    Set<Pair> attemptedPairs() {
        return new TreeSet<>(attempted);
    }

    /** The pairs whose still a display really showed. */
    Set<Pair> shownPairs() {
        return new TreeSet<>(shownPairs);
    }

    static long households(Set<Pair> pairs, boolean exposed) {
        return pairs.stream().mapToLong(p -> exposed ? p.exposedHouseholdId() : p.viewerHouseholdId()).distinct().count();
    }
}
