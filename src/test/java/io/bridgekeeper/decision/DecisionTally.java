package io.bridgekeeper.decision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one run of {@link DecisionModelIT} exercised: operations by kind (applied, refused as the model
 * expected, or not applicable), decisions by outcome and reason, and the model's finer cause of each. The
 * run fails when something the property is meant to cover never happened, so it cannot silently turn into
 * a test of trivial cases.
 */
final class DecisionTally {

    static final List<String> OPERATIONS = List.of("resolve", "authorize", "link", "unlink", "vendor refuses refresh", "unlink device", "sync",
            "transfer", "disable or enable", "suspend", "resume", "rollout start", "rollout advance", "rollout halt",
            "rollout pause or resume", "rotate secret", "revoke certification", "certify");

    /** Finer causes that only occur in longer, richer sequences; each must have happened at least once. */
    static final List<String> CAUSES = List.of("authorize why: proven: key of another owner",
            "authorize why: proven: key of another owner with devices of two households",
            "authorize why: claimed: devices of two households",
            "authorize why: the requester's key from before the device moved", "authorize why: key of another link epoch",
            "authorize why: key of another cache version", "authorize why: key signed by a retired secret",
            "authorize why: key of another vendor", "authorize why: key of another device",
            "authorize why: capability suspended", "authorize why: capability not offered",
            "authorize why: vendor not live", "authorize why: on the rollout's target",
            "resolve why: vendor not live", "op link refused", "op sync moved a device",
            "op certify lifted a suspension");

    private static final Map<String, Long> COUNTS = new TreeMap<>();
    private static final Map<String, long[]> NANOS = new TreeMap<>();
    private static long operations;
    private static long decisions;
    private static boolean quiet;

    private DecisionTally() {
    }

    static synchronized void reset() {
        COUNTS.clear();
        NANOS.clear();
        operations = 0;
        decisions = 0;
    }

    /** While a failure is minimized by replaying, nothing is counted: the run's figures stay the run's. */
    static synchronized void quiet(boolean on) {
        quiet = on;
    }

    static synchronized void count(String what) {
        if (!quiet) {
            COUNTS.merge(what, 1L, Long::sum);
        }
    }

    static synchronized void operation(String kind, String how) {
        if (quiet) {
            return;
        }
        operations++;
        count("op " + kind + (how == null ? "" : " " + how));
    }

    static synchronized void decision(String kind, String outcome, DenyReason reason, String why) {
        if (quiet) {
            return;
        }
        decisions++;
        count(kind + " " + outcome + (reason == null ? "" : " " + reason));
        count(kind + " why: " + why);
    }

    /** How long one operation of this kind took (count and total). */
    static synchronized void took(String kind, long nanos) {
        if (quiet) {
            return;
        }
        long[] t = NANOS.computeIfAbsent(kind, k -> new long[2]);
        t[0]++;
        t[1] += nanos;
    }

    static synchronized long operations() {
        return operations;
    }

    static synchronized long decisions() {
        return decisions;
    }

    /** What never happened; empty when everything the property is meant to cover did. */
    static synchronized List<String> missing() {
        List<String> required = new ArrayList<>();
        OPERATIONS.forEach(op -> required.add("op " + op));
        required.add("authorize ALLOW");
        for (DenyReason reason : DenyReason.values()) {
            required.add("authorize DENY " + reason);
        }
        required.add("resolve RESOLVED");
        for (DenyReason reason : EnumSet.of(DenyReason.VENDOR_SUSPENDED, DenyReason.DEVICE_UNKNOWN,
                DenyReason.DEVICE_DISABLED, DenyReason.LINK_ENDED)) {
            required.add("resolve DENY " + reason);
        }
        required.addAll(CAUSES);
        return required.stream().filter(what -> !COUNTS.containsKey(what)).toList();
    }

    static synchronized String summary() {
        return COUNTS.entrySet().stream().map(e -> String.format("  %-62s %,8d", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n"))
                + "\n  time per operation (ms, mean):\n"
                + NANOS.entrySet().stream().map(e -> String.format("  %-62s %8.1f", e.getKey(), e.getValue()[1] / 1e6 / e.getValue()[0]))
                .collect(Collectors.joining("\n"));
    }
}
