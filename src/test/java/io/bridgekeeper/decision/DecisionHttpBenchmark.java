package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.HttpLoad.Result;
import io.bridgekeeper.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test (no assertion on time): the decision API over HTTP on loopback, on the large
 * seeded data set, at a fixed concurrency: requests per second and latency p50/p99/p99.9 of resolve,
 * authorize and their batch endpoints ({@value #BATCH} items a request, so decisions per second are
 * {@value #BATCH} × requests). The load runs in this JVM against the app's random port
 * ({@link HttpLoad}); every endpoint is warmed up, then each one is measured in turn. Next to the
 * figures it prints the CPU time per request of the app, of PostgreSQL and of the load generator
 * (the load shares the machine with the app: its share is what the app did not get). Run with
 * {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DecisionHttpBenchmark}
 * (optional: {@code -Dbench.concurrency=16,64} the numbers of requests in flight, each measured, {@code -Dbench.warmup=15} and {@code -Dbench.seconds=20}
 * in seconds, {@code -Dbench.include=authorize} a regex of endpoint names). Prefixed with
 * {@code taskset -c 0}, the whole run (Maven, the app, its PostgreSQL and the load) is on one core;
 * the printed processor count says which it was. With {@code -Dbench.profile=cpu} each measured run is
 * profiled ({@link BenchProfile}).
 */
@IntegrationTest
class DecisionHttpBenchmark {

    static final int BATCH = 100;
    /** Distinct pre-built requests per endpoint, picked at random: enough to spread over the whole seed. */
    static final int SINGLES = 100_000;
    static final int BATCHES = 2_000;
    static final String BASE = "/api/decision/v1";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionEngine engine;
    @Autowired
    DecisionState state;
    @Autowired
    DecisionFixture fixture;
    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void decisions_over_http_at_a_fixed_concurrency() throws InterruptedException {
        DecisionWorkload w = DecisionWorkload.prepare(jdbc, engine, state);
        // the default rate (10,000/s) is below what resolve reaches here: the benchmark measures the node, not the limit
        String credential = fixture.unthrottledCredential();
        // each endpoint is measured at every one of these concurrencies, in this order
        int[] concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "16,64").split(","))
                .mapToInt(c -> Integer.parseInt(c.trim())).toArray();
        int concurrency = Arrays.stream(concurrencies).max().orElseThrow();
        int warmupConcurrency = Integer.getInteger("bench.warmup-concurrency", concurrency);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        Pattern include = Pattern.compile(System.getProperty("bench.include", ".*"));

        Map<String, byte[][]> endpoints = new LinkedHashMap<>();
        endpoints.put("resolve", build(SINGLES, i -> post(credential, "/resolve", resolveBody(pick(w.resolves())))));
        endpoints.put("authorize", build(SINGLES, i -> post(credential, "/authorize", authorizeBody(pick(w.authorizes())))));
        endpoints.put("resolve/batch", build(BATCHES, i -> post(credential, "/resolve/batch",
                Map.of("items", batch(() -> resolveBody(pick(w.resolves())))))));
        endpoints.put("authorize/batch", build(BATCHES, i -> post(credential, "/authorize/batch",
                Map.of("items", batch(() -> authorizeBody(pick(w.authorizes())))))));

        endpoints.keySet().removeIf(name -> !include.matcher(name).find());
        // The seed, the workload and the requests built above are a gigabyte or more of young objects that a
        // running node never has: collect them once now, so that the warm-up and the measured runs are not
        // slowed by the collector copying them out of the young generation (8 s of ZGC work otherwise).
        System.gc();
        List<String> rows = new ArrayList<>();
        HttpLoad load = new HttpLoad(port, concurrency);
        try {
            // every endpoint warms up first: they share the filters, Jackson and Tomcat, so the JIT is done
            // with all of that before the first measured run
            for (Map.Entry<String, byte[][]> e : endpoints.entrySet()) {
                Result r = load.run(e.getValue(), check(e.getKey()), warmup, warmupConcurrency);
                System.out.printf("HTTP warm-up %-16s %,9.0f req/s, %d errors%n", e.getKey(), r.perSecond(), r.errors());
            }
            for (Map.Entry<String, byte[][]> e : endpoints.entrySet()) {
                for (int inFlight : concurrencies) {
                    BenchProfile profile = BenchProfile.start("http-" + e.getKey() + "-" + inFlight);
                    Result r = load.run(e.getValue(), check(e.getKey()), measured, inFlight);
                    profile.stop();
                    int perRequest = e.getKey().endsWith("/batch") ? BATCH : 1;
                    String row = String.format("HTTP %-16s %3d in flight %,9.0f req/s %,11.0f decisions/s   p50 %6.2f ms   p99 %6.2f ms"
                                    + "   p99.9 %6.2f ms   max %7.2f ms   (%,d requests, %d errors, %d reconnects)",
                            e.getKey(), inFlight, r.perSecond(), r.perSecond() * perRequest, r.millis(50), r.millis(99),
                            r.millis(99.9), r.micros().getMaxValue() / 1000.0, r.requests(), r.errors(), r.reconnects());
                    String cpu = String.format("  CPU per request: %,8.1f µs the app (JVM without the load generator),"
                                    + " %,8.1f µs PostgreSQL, %,8.1f µs the load generator", r.cpuMicros(r.serverNanos()),
                            r.cpuMicros(r.postgresNanos()), r.cpuMicros(r.clientNanos()));
                    System.out.println(row);
                    System.out.println(cpu);
                    rows.add(row);
                    rows.add(cpu);
                    assertThat(r.errors()).as("requests answered with anything but 200 and ALLOW/RESOLVED").isZero();
                }
            }
        } finally {
            load.close();
        }
        System.out.printf("%nDecision API over HTTP/1.1 on loopback: %s connections in flight, warm-up %d s, measured %d s;"
                        + " %d available processors; %s%n", Arrays.toString(concurrencies), warmup.toSeconds(), measured.toSeconds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version());
        rows.forEach(System.out::println);
    }

    /** Every answer must be a 200 with only RESOLVED (resolve) or ALLOW (authorize) outcomes. */
    private static Predicate<String> check(String endpoint) {
        return endpoint.startsWith("resolve")
                ? body -> body.contains("\"RESOLVED\"") && !body.contains("\"DENY\"")
                : body -> body.contains("\"ALLOW\"") && !body.contains("\"DENY\"");
    }

    private static <T> T pick(T[] from) {
        return from[ThreadLocalRandom.current().nextInt(from.length)];
    }

    private static byte[][] build(int count, IntFunction<byte[]> request) {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = request.apply(i);
        }
        return out;
    }

    private byte[] post(String credential, String path, Object body) {
        return HttpLoad.post(port, BASE + path, credential, json.writeValueAsString(body));
    }

    private static List<Object> batch(java.util.function.Supplier<Object> item) {
        List<Object> items = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            items.add(item.get());
        }
        return items;
    }

    private static Object resolveBody(ResolveRequest r) {
        return Map.of("vendor", r.vendor(), "deviceId", r.deviceId());
    }

    private static Object authorizeBody(AuthorizeRequest a) {
        return DecisionClient.authorizeBody(a.vendor(), a.sourceDeviceId(), a.targetDeviceId(), a.requesterAccountId(),
                a.cacheKey());
    }
}
