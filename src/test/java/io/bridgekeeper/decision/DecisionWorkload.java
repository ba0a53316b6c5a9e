package io.bridgekeeper.decision;

import io.bridgekeeper.scale.LargeDataSet;
import io.bridgekeeper.vendor.Capability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the decision benchmarks ask, on the large seeded data set ({@link LargeDataSet}: 200,000
 * households, 1,000,000 devices): every ACTIVE vendor device of the seed to resolve (all four demo
 * vendors, so Brightway's running rollout puts its devices through the bucket hash), and for every
 * ACTIVE LumaCam camera of the seed a genuine authorization: the key resolve issued, the owner as
 * requester and the owner's own platform display ({@code bench-display-<account id>}) as target,
 * capability CAMERA_STREAM (LumaCam is the one vendor that offers it). Every authorization here is
 * answered ALLOW, so the figures are those of the full path, not of an early refusal.
 *
 * <p>Preparing it also resolves every device once, so the decision memory holds the whole seed (it
 * is sized for 2,000,000 devices) and the figures are of a warm node, not of cache misses.
 */
record DecisionWorkload(ResolveRequest[] resolves, AuthorizeRequest[] authorizes, int households,
                        String[] vendorOfResidue) {

    private static DecisionWorkload prepared;
    private static DecisionEngine preparedFor;

    /** Seeds (once per database) and prepares (once per application context in this JVM). */
    static synchronized DecisionWorkload prepare(JdbcTemplate jdbc, DecisionEngine engine, DecisionState state) {
        if (prepared == null || preparedFor != engine) {
            prepared = load(jdbc, engine, state);
            preparedFor = engine;
        }
        return prepared;
    }

    /**
     * The seed's device {@code bench-<n>-<s>} as a request just parsed: a fresh id string and the
     * vendor's slug. Only {@code s} 1 to 3: those are ACTIVE on every link (the 4th is DISABLED on every
     * tenth), so every one resolves.
     */
    ResolveRequest freshResolve(ThreadLocalRandom random) {
        int n = 1 + random.nextInt(households);
        return new ResolveRequest(vendorOfResidue[n % vendorOfResidue.length], "bench-" + n + "-" + (1 + random.nextInt(3)));
    }

    private static DecisionWorkload load(JdbcTemplate jdbc, DecisionEngine engine, DecisionState state) {
        int households = LargeDataSet.households();
        LargeDataSet.seedOnce(jdbc, households);
        awaitTrusted(state);
        CpuTime.locatePostgres(jdbc);

        long t = System.nanoTime();
        // the seed links household n to the (n % 4)-th of these vendors, by id
        String[] vendorOfResidue = jdbc.queryForList(
                "select slug from vendor where slug in ('lumacam', 'brightway', 'ironbolt', 'sensora') order by id",
                String.class).toArray(String[]::new);
        ResolveRequest[] resolves = jdbc.query("""
                select v.slug, d.vendor_device_id from device d join vendor v on v.id = d.vendor_id
                where d.vendor_device_id like 'bench-%' and d.state = 'ACTIVE' order by d.id
                """, (rs, i) -> new ResolveRequest(rs.getString(1), rs.getString(2))).toArray(ResolveRequest[]::new);
        List<Object[]> cameras = jdbc.query("""
                select d.vendor_device_id, d.owner_account_id from device d join vendor v on v.id = d.vendor_id
                where v.slug = 'lumacam' and d.kind = 'CAMERA' and d.vendor_device_id like 'bench-%'
                  and d.state = 'ACTIVE' order by d.id
                """, (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)});

        warm(engine, resolves);
        AuthorizeRequest[] authorizes = new AuthorizeRequest[cameras.size()];
        for (int i = 0; i < authorizes.length; i++) {
            String camera = (String) cameras.get(i)[0];
            long owner = (Long) cameras.get(i)[1];
            Resolution r = engine.resolve(new ResolveRequest("lumacam", camera));
            if (r.cacheKey() == null) {
                throw new IllegalStateException("The seed's camera " + camera + " did not resolve: " + r);
            }
            authorizes[i] = new AuthorizeRequest("lumacam", camera, null, "bench-display-" + owner, owner,
                    Capability.CAMERA_STREAM, r.cacheKey());
        }
        Decision sample = engine.authorize(authorizes[authorizes.length / 2]);
        if (!sample.allowed()) {
            throw new IllegalStateException("A genuine authorization of the seed was refused: " + sample);
        }
        System.out.printf("WORKLOAD: %,d devices to resolve (all resolved once, now in memory), %,d camera "
                        + "authorizations with genuine keys; prepared in %,d ms%n", resolves.length, authorizes.length,
                (System.nanoTime() - t) / 1_000_000);
        return new DecisionWorkload(resolves, authorizes, households, vendorOfResidue);
    }

    /** The decision memory is trusted once this node listens; before that every answer reads the database. */
    private static void awaitTrusted(DecisionState state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!state.trusted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The decision state never started listening");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        state.awaitCurrent(Duration.ofSeconds(30));
    }

    /** One resolve per device, from as many threads as there are cores: each first one reads the database. */
    private static void warm(DecisionEngine engine, ResolveRequest[] resolves) {
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int p = 0; p < threads; p++) {
                int part = p;
                parts.add(pool.submit(() -> {
                    for (int i = part; i < resolves.length; i += threads) {
                        Resolution r = engine.resolve(resolves[i]);
                        if (r.cacheKey() == null) {
                            throw new IllegalStateException("The seed's device " + resolves[i] + " did not resolve: " + r);
                        }
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Warming the decision memory failed", e);
        }
    }
}
