package io.bridgekeeper.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The JMH benchmarks of {@link DecisionEngine}, run by {@link DecisionBenchmark} inside the test's JVM
 * (no fork): the engine and the workload come from the running application through
 * {@link DecisionBenchmark#handOver}. Each operation picks a random entry of the workload, so the
 * whole seed is touched rather than one hot device.
 *
 * <p>Besides JMH's score, the measurement iterations count what they did and the CPU time it took
 * ({@link Cpu}): the benchmark threads' own, and the whole JVM's and PostgreSQL's, so that a figure
 * taken on a shared machine still says what one decision costs.
 */
@State(Scope.Thread)
public class DecisionEngineJmh {

    /** Totals of the measurement iterations of one run; {@link DecisionBenchmark} resets and reads them. */
    static final class Cpu {
        static final LongAdder OPS = new LongAdder();
        static final LongAdder THREAD_NANOS = new LongAdder();
        static final LongAdder JVM_NANOS = new LongAdder();
        static final LongAdder POSTGRES_NANOS = new LongAdder();

        static void reset() {
            OPS.reset();
            THREAD_NANOS.reset();
            JVM_NANOS.reset();
            POSTGRES_NANOS.reset();
        }
    }

    /** The process CPU time of each measurement iteration (set up before and torn down after all threads). */
    @State(Scope.Benchmark)
    public static class Window {
        private boolean measuring;
        private long jvm;
        private long postgres;

        @Setup(Level.Iteration)
        public void begin(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            jvm = CpuTime.jvmNanos();
            postgres = CpuTime.postgresNanos();
        }

        @TearDown(Level.Iteration)
        public void end() {
            if (measuring) {
                Cpu.JVM_NANOS.add(CpuTime.jvmNanos() - jvm);
                Cpu.POSTGRES_NANOS.add(CpuTime.postgresNanos() - postgres);
            }
        }
    }

    /** Decisions in one {@link #authorizeBatch} call: the batch endpoint's typical use, well under its cap of 500. */
    public static final int BATCH = 100;

    private DecisionEngine engine;
    private DecisionWorkload workload;
    private AuthorizeRequest[] authorizes;
    private boolean measuring;
    private long ops;
    private long cpu;

    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        ops = 0;
        cpu = CpuTime.threadNanos();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (measuring) {
            Cpu.THREAD_NANOS.add(CpuTime.threadNanos() - cpu);
            Cpu.OPS.add(ops);
        }
    }

    @Setup
    public void setUp() {
        DecisionBenchmark.HandOver h = DecisionBenchmark.handOver;
        if (h == null) {
            throw new IllegalStateException("Run through DecisionBenchmark: it starts the application and hands it over");
        }
        engine = h.engine();
        workload = h.workload();
        authorizes = h.workload().authorizes();
    }

    /**
     * From memory: vendor state, device and link cache, the memoized signed key. A random device of the
     * 600,000 that are ACTIVE on every link, its request built fresh as a parser would (building it is
     * in the figure): a pre-built array of requests would add the cache misses of reading a cold
     * request object, slug and id, which a request just parsed from the network does not have.
     */
    @Benchmark
    public Resolution resolve(Window w) {
        ops++;
        return engine.resolve(workload.freshResolve(ThreadLocalRandom.current()));
    }

    /** One statement to PostgreSQL per call (devices and link), then the key's signature check. */
    @Benchmark
    public Decision authorize(Window w) {
        ops++;
        return engine.authorize(authorizes[ThreadLocalRandom.current().nextInt(authorizes.length)]);
    }

    /** {@value #BATCH} authorizations with one statement; the score is calls, so decisions are score × {@value #BATCH}. */
    @Benchmark
    public List<Decision> authorizeBatch(Window w) {
        ops++;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<AuthorizeRequest> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(authorizes[random.nextInt(authorizes.length)]);
        }
        return engine.authorizeAll(batch);
    }
}
