package io.bridgekeeper.decision;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time actually spent, next to the wall-clock figures: on a machine shared with other work,
 * throughput says how much CPU this run was given, CPU time per decision says what a decision costs.
 * One core's capacity is then one CPU-second divided by that cost.
 */
final class CpuTime {

    private static volatile Optional<ProcessHandle> postmaster = Optional.empty();

    private CpuTime() {
    }

    /** CPU time of this JVM, every thread (the app, the load generator, GC, JIT). */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the calling thread. */
    static long threadNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Finds the PostgreSQL server the pool talks to, when it runs on this machine: the parent of a
     * backend is the postmaster, and every backend and worker is its child. (pg_ctl starts the embedded
     * server as a daemon, so it is not a child of this JVM.)
     */
    static void locatePostgres(JdbcTemplate jdbc) {
        Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        postmaster = backend == null ? Optional.empty() : ProcessHandle.of(backend).flatMap(ProcessHandle::parent);
    }

    /** CPU time of the PostgreSQL server and its running backends; 0 when it is not on this machine. */
    static long postgresNanos() {
        return postmaster.map(p -> Stream.concat(Stream.of(p), p.descendants())
                        .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                        .sum())
                .orElse(0L);
    }
}
