package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescedReadsTest {

    /** A read's answer: when it began (a tick of the shared clock) and whom it read for. */
    record Answer(long began, List<Request> requests) {
    }

    record Request(int id, long arrived) {
    }

    final AtomicLong clock = new AtomicLong();

    @Test
    void a_lone_request_is_read_at_once_and_alone() {
        AtomicInteger reads = new AtomicInteger();
        CoalescedReads<Integer, List<Integer>> coalesced = new CoalescedReads<>(2, requests -> {
            reads.incrementAndGet();
            return List.copyOf(requests);
        });

        assertThat(coalesced.read(7)).containsExactly(7);
        assertThat(coalesced.read(8)).containsExactly(8);
        assertThat(reads).hasValue(2);
    }

    @Test
    void concurrent_requests_share_reads_and_every_read_began_after_its_requests_arrived() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CoalescedReads<Request, Answer> coalesced = new CoalescedReads<>(2, requests -> {
            long began = clock.incrementAndGet();
            reads.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new Answer(began, List.copyOf(requests));
        });
        int threads = 32;
        int each = 300;
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        Request r = new Request(base + i, clock.incrementAndGet());
                        Answer a = coalesced.read(r);
                        assertThat(a.requests()).as("the read that answers a request read for it").contains(r);
                        assertThat(a.began()).as("the read began after the request arrived").isGreaterThan(r.arrived());
                        answered.add(r.id());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(answered).hasSize(threads * each);
        assertThat(mostAtOnce.get()).as("never more reads at once than readers").isLessThanOrEqualTo(2);
        assertThat(reads.get()).as("reads shared under load").isLessThan(threads * each / 2);
    }

    @Test
    void a_failed_read_fails_every_request_of_it_and_the_next_reads_go_on() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CoalescedReads<Integer, Integer> coalesced = new CoalescedReads<>(1, requests -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return requests.size();
        });

        assertThatThrownBy(() -> coalesced.read(1)).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(coalesced.read(2)).isEqualTo(1);
    }

    @Test
    void a_read_failed_by_one_request_is_read_again_alone_for_each_so_only_that_one_fails() throws Exception {
        AtomicInteger mixedFailures = new AtomicInteger();
        CoalescedReads<Integer, List<Integer>> coalesced = new CoalescedReads<>(1, requests -> {
            if (requests.stream().anyMatch(r -> r < 0)) {
                if (requests.size() > 1) {
                    mixedFailures.incrementAndGet();
                }
                throw new IllegalArgumentException("poisoned: " + requests);
            }
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.copyOf(requests);
        });
        int threads = 16;
        int each = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger validFailed = new AtomicInteger();
        AtomicInteger poisonPassed = new AtomicInteger();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean poison = t % 4 == 0;
                int thread = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int request = thread * 10_000 + i;
                        if (poison) {
                            try {
                                coalesced.read(-request - 1);
                                poisonPassed.incrementAndGet();
                            } catch (IllegalArgumentException expected) {
                                // its own read fails
                            }
                        } else {
                            try {
                                if (!coalesced.read(request).contains(request)) {
                                    validFailed.incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                validFailed.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mixedFailures.get()).as("shared reads that a poisoned request failed").isPositive();
        assertThat(validFailed).as("valid requests that failed").hasValue(0);
        assertThat(poisonPassed).as("poisoned requests that were answered").hasValue(0);
    }
}
