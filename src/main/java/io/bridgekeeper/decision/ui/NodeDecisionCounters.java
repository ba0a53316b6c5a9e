package io.bridgekeeper.decision.ui;

import io.bridgekeeper.decision.DenyReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * This node's decision counters as the decision path keeps them in Micrometer
 * ({@code bridgekeeper.decisions} by operation, outcome and reason, and
 * {@code bridgekeeper.isolation.violations}): in memory, from zero at each start, per node.
 */
record NodeDecisionCounters(long allowed, long denied, long resolved, long resolveRefused, long violations,
                            List<ReasonCount> deniedByReason) {

    /** How often one reason refused a delivery (authorize) and a resolve. */
    record ReasonCount(DenyReason reason, long authorize, long resolve) {
    }

    static NodeDecisionCounters read(MeterRegistry registry) {
        long allowed = 0;
        long denied = 0;
        long resolved = 0;
        long resolveRefused = 0;
        Map<DenyReason, long[]> byReason = new EnumMap<>(DenyReason.class);
        for (Counter c : registry.find("bridgekeeper.decisions").counters()) {
            long n = (long) c.count();
            boolean authorize = "authorize".equals(c.getId().getTag("operation"));
            String reason = c.getId().getTag("reason");
            if (reason == null || "none".equals(reason)) {
                if (authorize) {
                    allowed += n;
                } else {
                    resolved += n;
                }
                continue;
            }
            if (authorize) {
                denied += n;
            } else {
                resolveRefused += n;
            }
            if (n > 0) {
                byReason.computeIfAbsent(DenyReason.valueOf(reason), r -> new long[2])[authorize ? 0 : 1] += n;
            }
        }
        long violations = (long) registry.find("bridgekeeper.isolation.violations").counters().stream()
                .mapToDouble(Counter::count).sum();
        List<ReasonCount> reasons = new ArrayList<>();
        byReason.forEach((r, n) -> reasons.add(new ReasonCount(r, n[0], n[1])));
        return new NodeDecisionCounters(allowed, denied, resolved, resolveRefused, violations, List.copyOf(reasons));
    }
}
