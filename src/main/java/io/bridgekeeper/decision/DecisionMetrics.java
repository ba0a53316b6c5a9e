package io.bridgekeeper.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Actuator metrics of the decision path: {@code bridgekeeper.decisions} counted by operation
 * (resolve, authorize), outcome and reason ({@code none} when allowed or resolved), the latency of
 * decisions ({@code bridgekeeper.decision.latency}, with a percentile histogram for Prometheus), and
 * {@code bridgekeeper.isolation.violations}. Meters are registered up front so the hot path only
 * increments.
 *
 * <p>Every authorization is timed; resolve, which answers from memory in about a microsecond, is timed
 * one call in {@value #RESOLVE_SAMPLE} (chosen at random): two clock reads and a histogram update on
 * every call were a tenth of its cost. Its latency percentiles are those of the sample; count resolves
 * with {@code bridgekeeper.decisions}, which counts every call.
 */
@Component
class DecisionMetrics {

    private final Counter resolved;
    private final Map<DenyReason, Counter> resolveDenied = new EnumMap<>(DenyReason.class);
    private final Counter allowed;
    private final Map<DenyReason, Counter> authorizeDenied = new EnumMap<>(DenyReason.class);
    private final Timer resolveLatency;
    private final Timer authorizeLatency;
    private final Counter violations;

    DecisionMetrics(MeterRegistry registry) {
        resolved = counter(registry, "resolve", "RESOLVED", "none");
        allowed = counter(registry, "authorize", "ALLOW", "none");
        for (DenyReason r : DenyReason.values()) {
            resolveDenied.put(r, counter(registry, "resolve", "DENY", r.name()));
            authorizeDenied.put(r, counter(registry, "authorize", "DENY", r.name()));
        }
        resolveLatency = timer(registry, "resolve");
        authorizeLatency = timer(registry, "authorize");
        violations = Counter.builder("bridgekeeper.isolation.violations")
                .description("Deliveries refused because one household's data was about to reach another")
                .register(registry);
    }

    static final int RESOLVE_SAMPLE = 16;

    /** Whether to time this resolve. */
    static boolean timeResolve() {
        return ThreadLocalRandom.current().nextInt(RESOLVE_SAMPLE) == 0;
    }

    /** A resolve (its reason, null when resolved), with its latency when it was {@linkplain #timeResolve() timed}, otherwise a negative number. */
    void resolved(DenyReason reason, long nanos) {
        (reason == null ? resolved : resolveDenied.get(reason)).increment();
        if (nanos >= 0) {
            resolveLatency.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    void authorized(Decision d, long nanos) {
        (d.reason() == null ? allowed : authorizeDenied.get(d.reason())).increment();
        authorizeLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void violation() {
        violations.increment();
    }

    private static Counter counter(MeterRegistry registry, String operation, String outcome, String reason) {
        return Counter.builder("bridgekeeper.decisions")
                .description("Delivery decisions by operation, outcome and reason")
                .tag("operation", operation).tag("outcome", outcome).tag("reason", reason)
                .register(registry);
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder("bridgekeeper.decision.latency")
                .description("Time to decide, in process (authorize includes its database read;"
                        + " resolve is sampled, one call in " + RESOLVE_SAMPLE + ")")
                .tag("operation", operation)
                .publishPercentileHistogram()
                .register(registry);
    }
}
