package io.bridgekeeper.replay;

import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.replay.GroundTruth.Pair;
import io.bridgekeeper.replay.ReplayHomes.Home;
import io.bridgekeeper.replay.VendorCloud.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The platform's displays and its data plane. A display asks for its own household's camera still: the
 * data plane resolves the camera with Bridgekeeper (cache version and key), fetches the still from the
 * vendor's cloud, and, with the checks on, asks Bridgekeeper's authorize before showing it, naming the
 * camera the still itself says it came from and the key attached to it, exactly as a real data plane
 * would. It also reports what the display received as observations (every one, in batches). With the
 * checks off it shows what the vendor sent, as in 2019.
 */
final class DisplayFleet {

    private static final int OBSERVATION_BATCH = 100;

    private final List<DecisionClient> nodes;
    private final String vendor;
    private final List<Home> homes;
    private final VendorCloud cloud;
    private final GroundTruth truth;
    private final boolean checks;
    final LongAdder resolveDenied = new LongAdder();
    final LongAdder observationsSent = new LongAdder();
    final LongAdder apiErrors = new LongAdder();
    /** Answers 503 (no database connection within the node's timeout), retried as a data plane does. */
    final LongAdder retriedAfter503 = new LongAdder();
    /** The first few answers that were not 200, to say what went wrong. */
    final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    DisplayFleet(List<DecisionClient> nodes, String vendor, List<Home> homes, VendorCloud cloud, GroundTruth truth,
                 boolean checks) {
        this.nodes = nodes;
        this.vendor = vendor;
        this.homes = homes;
        this.cloud = cloud;
        this.truth = truth;
        this.checks = checks;
    }

    /** Runs {@code workers} displays' requests, round robin over the nodes, until {@code deadline} (nanoTime). */
    void run(int workers, long deadline, long seed) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    work(worker, deadline, new SplittableRandom(seed + worker));
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
    }

    private void work(int worker, long deadline, SplittableRandom random) {
        List<Map<String, Object>> observations = new ArrayList<>();
        int call = worker;
        while (System.nanoTime() < deadline) {
            Home home = homes.get(random.nextInt(homes.size()));
            DecisionClient node = nodes.get(call++ % nodes.size());
            Answer resolved = node.resolve(vendor, home.cameraId());
            if (resolved.status() == 503) {
                backOff();
                continue;
            }
            if (resolved.status() != 200) {
                error("resolve", resolved);
                continue;
            }
            if (!"RESOLVED".equals(resolved.outcome())) {
                resolveDenied.increment();
                continue;
            }
            truth.requested.increment();
            String version = resolved.versionLabel();
            Entry still = cloud.fetch(new Entry(home.cameraId(), home.accountId(), resolved.cacheKey()), version, random);
            if (ReplayRun.DEFECTIVE.equals(version)) {
                truth.defectiveServed.increment();
            }
            Instant received = Instant.now();
            Pair wrong = still.householdId() == home.accountId() ? null : new Pair(still.householdId(), home.accountId());
            if (wrong != null) {
                truth.mixUp(wrong, received);
            }
            if (!checks) {
                truth.shown(wrong);
                continue;
            }
            observations.add(observation(still, home, received));
            if (observations.size() >= OBSERVATION_BATCH) {
                flush(node, observations);
            }
            Answer answer = node.authorize(vendor, still.cameraId(), home.displayId(), home.accountId(),
                    still.cacheKey(), "SNAPSHOT");
            for (int retry = 0; answer.status() == 503 && retry < 50; retry++) {
                backOff();
                answer = node.authorize(vendor, still.cameraId(), home.displayId(), home.accountId(),
                        still.cacheKey(), "SNAPSHOT");
            }
            if (answer.status() != 200) {
                error("authorize", answer);
            } else if ("ALLOW".equals(answer.outcome())) {
                truth.shown(wrong);
            } else {
                truth.refused.increment();
            }
        }
        flush(nodes.get(worker % nodes.size()), observations);
    }

    /** A 503 says "retry after 5 s"; the simulation waits a tenth of that, so a run stays short. */
    private void backOff() {
        retriedAfter503.increment();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void error(String call, Answer answer) {
        apiErrors.increment();
        if (errors.size() < 5) {
            errors.add(call + " " + answer.status() + " " + answer.body());
        }
    }

    private Map<String, Object> observation(Entry still, Home home, Instant received) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("vendor", vendor);
        o.put("contentDeviceId", still.cameraId());
        o.put("displayDeviceId", home.displayId());
        o.put("capability", "SNAPSHOT");
        o.put("cacheKey", still.cacheKey());
        o.put("observedAt", received.toString());
        return o;
    }

    private void flush(DecisionClient node, List<Map<String, Object>> observations) {
        if (observations.isEmpty()) {
            return;
        }
        Answer answer = node.post("/observations", Map.of("items", List.copyOf(observations)));
        for (int retry = 0; answer.status() == 503 && retry < 50; retry++) {
            backOff();
            answer = node.post("/observations", Map.of("items", List.copyOf(observations)));
        }
        if (answer.status() == 200) {
            observationsSent.add(observations.size());
        } else {
            error("observations", answer);
        }
        observations.clear();
    }
}
