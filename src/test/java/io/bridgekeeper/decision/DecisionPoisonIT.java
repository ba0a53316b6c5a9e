package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One caller cannot fail another (issue 16): authorizations that arrive together share one database
 * read ({@link CoalescedReads}), so before the fix a request whose device id held a NUL byte failed the
 * shared read, and every valid request that had joined it got 409 (observed: 254 of 900).
 */
@IntegrationTest
class DecisionPoisonIT {

    static final int VALID_THREADS = 6;
    static final int POISON_THREADS = 2;
    static final int VALID_REQUESTS = 900;

    @Autowired
    DecisionFixture fixture;
    @LocalServerPort
    int port;

    @Test
    void a_poisoned_request_beside_valid_ones_fails_none_of_them() throws Exception {
        Vendor vendor = fixture.vendor("poison");
        Household h = fixture.household(vendor);
        String credential = fixture.credential();
        String key;
        try (DecisionClient api = new DecisionClient(port, credential)) {
            key = api.resolve(vendor.slug(), h.cameraId()).cacheKey();
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger poisonSent = new AtomicInteger();
        Map<Integer, AtomicInteger> poisonStatuses = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> validFailures = new ConcurrentHashMap<>();
        AtomicInteger validAllowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(VALID_THREADS + POISON_THREADS);
        try {
            List<Future<?>> poison = new ArrayList<>();
            for (int t = 0; t < POISON_THREADS; t++) {
                poison.add(pool.submit(() -> {
                    try (DecisionClient api = new DecisionClient(port, credential)) {
                        while (!done.get()) {
                            Answer a = api.post("/authorize", DecisionClient.authorizeBody(vendor.slug(), "x\u0000y",
                                    h.displayId(), h.accountId(), key));
                            poisonSent.incrementAndGet();
                            poisonStatuses.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
            List<Future<?>> valid = new ArrayList<>();
            for (int t = 0; t < VALID_THREADS; t++) {
                valid.add(pool.submit(() -> {
                    try (DecisionClient api = new DecisionClient(port, credential)) {
                        for (int i = 0; i < VALID_REQUESTS / VALID_THREADS; i++) {
                            Answer a = api.authorize(vendor.slug(), h.cameraId(), h.displayId(), h.accountId(), key);
                            if (a.status() == 200 && "ALLOW".equals(a.outcome())) {
                                validAllowed.incrementAndGet();
                            } else {
                                validFailures.computeIfAbsent(a.status() + " " + a.outcome(), s -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : valid) {
                f.get(5, TimeUnit.MINUTES);
            }
            done.set(true);
            for (Future<?> f : poison) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        System.out.printf("poison: %d valid ALLOWed, failures %s; %d poisoned requests sent, statuses %s%n",
                validAllowed.get(), validFailures, poisonSent.get(), poisonStatuses);
        assertThat(poisonSent.get()).as("the poisoned requests really ran beside the valid ones").isGreaterThan(50);
        assertThat(validFailures).as("valid requests that failed").isEmpty();
        assertThat(validAllowed.get()).isEqualTo(VALID_REQUESTS);
        assertThat(poisonStatuses.keySet()).as("the poisoned request alone is refused, as bad input").containsOnly(400);
    }
}
