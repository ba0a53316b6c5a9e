package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.DecisionState.VendorState;
import io.bridgekeeper.decision.DecisionState.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * {@link ResolveAnswers} used as {@link DecisionEngine} uses it: read the slot, else read the device
 * from a {@link DeviceIndex} and offer the answer. A device's "version" stands for what the database
 * has; the answer's cache key names the version it was computed from.
 */
class ResolveAnswersTest {

    private static final int DEVICES = 3_000;
    private static final String KID = "k1";

    private final VendorState vendor = vendor();
    private final AtomicLongArray versions = new AtomicLongArray(DEVICES);
    private final AtomicInteger computed = new AtomicInteger();
    private final DeviceIndex index = new DeviceIndex(2_000, key -> {
        int n = Integer.parseInt(key.vendorDeviceId().substring(4));
        return new DeviceEntry(versions.get(n), key.vendorDeviceId(), "ACTIVE", 1, 0);
    });

    private static VendorState vendor() {
        return new VendorState(7, "acme", "ACTIVE", Set.of(), new Version(1, "v1"), null);
    }

    /** The device's version as the answer says it. */
    private long resolve(ResolveAnswers answers, int n, VendorState v, String kid) {
        DeviceKey key = DeviceIndexTest.key(n);
        Object seen = answers.seen(key);
        ResolveAnswers.Answer a = ResolveAnswers.current(seen, key, v, kid);
        if (a == null) {
            computed.incrementAndGet();
            a = new ResolveAnswers.Answer(key, v, kid,
                    Resolution.resolved(v.stable(), Long.toString(index.get(key).id)));
            answers.offer(seen, a);
        }
        return Long.parseLong(a.resolution.cacheKey());
    }

    @Test
    void an_answer_is_kept_until_the_device_is_evicted() {
        ResolveAnswers answers = new ResolveAnswers(DEVICES);
        assertThat(resolve(answers, 1, vendor, KID)).isZero();
        assertThat(resolve(answers, 1, vendor, KID)).isZero();
        assertThat(computed).hasValue(1);

        versions.set(1, 4);
        index.evict(DeviceIndexTest.key(1));
        answers.evict(DeviceIndexTest.key(1));
        assertThat(resolve(answers, 1, vendor, KID)).isEqualTo(4);
        assertThat(computed).hasValue(2);
    }

    @Test
    void an_answer_holds_only_for_the_vendor_state_and_key_id_it_was_computed_from() {
        ResolveAnswers answers = new ResolveAnswers(DEVICES);
        resolve(answers, 1, vendor, KID);
        resolve(answers, 1, vendor(), KID);
        assertThat(computed).as("a vendor state published anew").hasValue(2);
        resolve(answers, 1, vendor, "k2");
        assertThat(computed).as("a rotated signing key").hasValue(3);
    }

    @Test
    void devices_sharing_a_slot_each_get_their_own_answer() {
        ResolveAnswers answers = new ResolveAnswers(100);  // 1,024 slots for 3,000 devices
        for (int n = 0; n < DEVICES; n++) {
            versions.set(n, n);
        }
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < DEVICES; n++) {
                assertThat(resolve(answers, n, vendor, KID)).isEqualTo(n);
            }
        }
    }

    @Test
    void a_clear_forgets_every_answer() {
        ResolveAnswers answers = new ResolveAnswers(DEVICES);
        for (int n = 0; n < 100; n++) {
            resolve(answers, n, vendor, KID);
        }
        index.clear();
        answers.clear();
        for (int n = 0; n < 100; n++) {
            resolve(answers, n, vendor, KID);
        }
        assertThat(computed).hasValue(200);
    }

    @Test
    void table_sizes_are_powers_of_two_at_least_twice_the_devices_within_bounds() {
        assertThat(ResolveAnswers.size(0)).isEqualTo(1_024);
        assertThat(ResolveAnswers.size(1_000)).isEqualTo(2_048);
        assertThat(ResolveAnswers.size(2_000_000)).isEqualTo(4_194_304);
        assertThat(ResolveAnswers.size(100_000_000)).isEqualTo(1 << 24);
    }

    /**
     * The freshness rule under contention: once a change's eviction has returned, no resolve that
     * starts afterwards answers from what was read before it. Readers note the version announced before
     * resolving; a writer commits new versions and evicts (device index first, then the answer), now and
     * then clears both; the index is small enough to be trimmed and slots are shared. (Storing an answer
     * without the compare-and-set, or evicting the answer before the device, fails this.)
     */
    @Test
    void no_resolve_after_an_eviction_answers_from_what_was_read_before_it() throws Exception {
        ResolveAnswers answers = new ResolveAnswers(1_000);
        AtomicLongArray announced = new AtomicLongArray(DEVICES);
        List<String> stale = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger resolves = new AtomicInteger();
        long until = System.nanoTime() + 2_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            threads.add(Thread.ofPlatform().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until && stale.size() < 10) {
                    int n = random.nextInt(DEVICES);
                    long floor = announced.get(n);
                    long seen = resolve(answers, n, vendor, KID);
                    resolves.incrementAndGet();
                    if (seen < floor) {
                        stale.add("dev-" + n + ": version " + seen + " after version " + floor + " was announced");
                    }
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < until) {
                int n = random.nextInt(DEVICES);
                long next = versions.incrementAndGet(n);
                index.evict(DeviceIndexTest.key(n));
                answers.evict(DeviceIndexTest.key(n));
                announced.set(n, next);
                if (random.nextInt(1_000) == 0) {
                    long[] committed = new long[DEVICES];
                    for (int i = 0; i < DEVICES; i++) {
                        committed[i] = versions.get(i);
                    }
                    index.clear();
                    answers.clear();
                    for (int i = 0; i < DEVICES; i++) {
                        announced.set(i, committed[i]);
                    }
                }
            }
        }));
        for (Thread t : threads) {
            t.join();
        }
        assertThat(resolves.get()).isGreaterThan(10_000);
        assertThat(stale).isEmpty();
    }
}
