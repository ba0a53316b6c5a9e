package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (no assertion on time): in-process throughput of {@link DecisionEngine#resolve}
 * and {@link DecisionEngine#authorize} (and {@code authorizeAll} with {@value DecisionEngineJmh#BATCH}
 * requests) on the large seeded data set, measured by JMH with 1 and then 2 threads, which is how the
 * throughput grows from one core to two. Run with
 * {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DecisionBenchmark}
 * (optional: {@code -Dbench.profile=cpu} a flame graph of each run, see {@link BenchProfile};
 * {@code -Dbench.include=resolve} a regex of benchmark names, {@code -Dbench.warmups=3},
 * {@code -Dbench.iterations=5}, {@code -Dbench.seconds=5} per iteration, {@code -Dbench.threads=1,2}).
 *
 * <p>JMH runs <em>in this JVM</em> ({@code forks(0)}); the test starts the application, seeds it and
 * hands the engine and workload to the JMH state through a static field. Why not JMH's default of a
 * forked JVM per benchmark: the fork would have to start the whole application and its embedded
 * PostgreSQL again and reseed a million devices every time (about a minute each), from a class path
 * that failsafe passes through a manifest-only jar; and a fork that started its own database would no
 * longer measure the node the test prepared. The price of not forking is that the benchmarks share
 * one JIT profile: they run one after another in a fixed order (resolve first, the figure that
 * matters most), each with its own warm-up, and the JVM options are failsafe's, not JMH's.
 */
@IntegrationTest
class DecisionBenchmark {

    /** What the JMH state takes from the running application (same JVM, see the class comment). */
    record HandOver(DecisionEngine engine, DecisionWorkload workload) {
    }

    static volatile HandOver handOver;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionEngine engine;
    @Autowired
    DecisionState state;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void release() {
        handOver = null;
    }

    @Test
    void resolve_and_authorize_in_process() throws RunnerException {
        handOver = new HandOver(engine, DecisionWorkload.prepare(jdbc, engine, state));
        Pattern include = Pattern.compile(System.getProperty("bench.include", ".*"));
        int[] threadCounts = java.util.Arrays.stream(System.getProperty("bench.threads", "1,2").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Map<String, Double> denied = deniedCounts();

        List<String> rows = new ArrayList<>();
        Map<String, Double> single = new LinkedHashMap<>();
        for (String benchmark : List.of("resolve", "authorize", "authorizeBatch")) {
            if (!include.matcher(benchmark).find()) {
                continue;
            }
            for (int threads : threadCounts) {
                DecisionEngineJmh.Cpu.reset();
                BenchProfile profile = BenchProfile.start("jmh-" + benchmark + "-" + threads);
                Result<?> r = run(benchmark, threads).getPrimaryResult();
                profile.stop();
                int perCall = benchmark.equals("authorizeBatch") ? DecisionEngineJmh.BATCH : 1;
                double decisions = r.getScore() * perCall;
                double measured = DecisionEngineJmh.Cpu.OPS.sum() * (double) perCall;
                String line = String.format("BENCH %-15s threads %d: %,12.0f ops/s total (± %,.0f), %,12.0f per thread;"
                                + " %,12.0f decisions/s", benchmark, threads, r.getScore(), r.getScoreError(),
                        r.getScore() / threads, decisions);
                String cpu = String.format("  CPU per decision: %,9.0f ns in the benchmark threads (%,12.0f decisions per"
                                + " CPU-second), %,9.0f ns the whole JVM, %,9.0f ns PostgreSQL",
                        DecisionEngineJmh.Cpu.THREAD_NANOS.sum() / measured,
                        measured * 1e9 / DecisionEngineJmh.Cpu.THREAD_NANOS.sum(),
                        DecisionEngineJmh.Cpu.JVM_NANOS.sum() / measured,
                        DecisionEngineJmh.Cpu.POSTGRES_NANOS.sum() / measured);
                System.out.println(line);
                System.out.println(cpu);
                rows.add(line);
                rows.add(cpu);
                if (threads == 1) {
                    single.put(benchmark, decisions);
                } else if (single.containsKey(benchmark)) {
                    rows.add(String.format("SCALING %-13s 1 -> %d threads: x%.2f", benchmark, threads,
                            decisions / single.get(benchmark)));
                }
            }
        }
        System.out.printf("%nDecision engine in process (JMH, no fork; %d available processors; %s; %s)%n",
                Runtime.getRuntime().availableProcessors(), meters.getClass().getSimpleName(),
                System.getProperty("java.vm.name") + " " + Runtime.version());
        rows.forEach(System.out::println);
        // the harness is only worth its figures if every decision took the full path and was ALLOW/RESOLVED
        assertThat(deniedCounts()).as("denials during the benchmark").isEqualTo(denied);
    }

    private static RunResult run(String benchmark, int threads) throws RunnerException {
        int seconds = Integer.getInteger("bench.seconds", 5);
        Options options = new OptionsBuilder()
                .include(Pattern.quote(DecisionEngineJmh.class.getName() + "." + benchmark) + "$")
                .forks(0)
                .threads(threads)
                .warmupIterations(Integer.getInteger("bench.warmups", 3))
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true)
                .build();
        return new Runner(options).runSingle();
    }

    private Map<String, Double> deniedCounts() {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Counter c : meters.find("bridgekeeper.decisions").tag("outcome", "DENY").counters()) {
            counts.put(c.getId().getTag("operation") + "/" + c.getId().getTag("reason"), c.count());
        }
        return counts;
    }
}
