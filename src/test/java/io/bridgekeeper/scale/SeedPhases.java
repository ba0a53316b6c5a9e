package io.bridgekeeper.scale;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a seed's time goes: every step is printed as it ends ({@code seed <part> <phase> <what>}), and
 * each phase's total (copy, indexes, foreign keys, ...) is kept for the summary line. One per
 * transaction of the seed; the parts may run at the same time, each on its own connection.
 */
final class SeedPhases {

    private final String part;
    private final Map<String, Long> nanosByPhase = new LinkedHashMap<>();

    SeedPhases(String part) {
        this.part = part;
    }

    /** A step that took {@code nanos}; {@code rows} below zero when it has no row count. */
    synchronized void step(String phase, String what, long rows, long nanos) {
        nanosByPhase.merge(phase, nanos, Long::sum);
        System.out.printf("  seed %-10s %-13s %-44s %14s %,8d ms%n", part, phase, what,
                rows < 0 ? "" : String.format("%,d rows", rows), nanos / 1_000_000);
    }

    /** Runs and times one step. */
    <T> T time(String phase, String what, Step<T> step) throws Exception {
        long t = System.nanoTime();
        T result = step.run();
        step(phase, what, result instanceof Number n ? n.longValue() : -1, System.nanoTime() - t);
        return result;
    }

    synchronized Map<String, Long> millisByPhase() {
        Map<String, Long> millis = new LinkedHashMap<>();
        nanosByPhase.forEach((phase, nanos) -> millis.put(phase, nanos / 1_000_000));
        return millis;
    }

    /** {@code copy 6,512 ms, indexes 4,100 ms, ...} */
    String summary() {
        StringBuilder s = new StringBuilder(part).append(':');
        millisByPhase().forEach((phase, ms) -> s.append(String.format(" %s %,d ms,", phase, ms)));
        s.setLength(s.length() - 1);
        return s.toString();
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }
}
