package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionWorld.Mismatch;
import io.bridgekeeper.decision.DecisionWorlds.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a failing sequence short enough to read: replays parts of it, each in a fresh world of the same
 * kind, and keeps the shortest that still ends in the same disagreement (delta debugging: drop halves,
 * then quarters, ... down to single operations), within a time budget. jqwik's own shrinking of action
 * chains regenerates the steps after the ones it drops and spends most replays on steps that never ran;
 * the operations here are fixed and named as in any world, so a replay of a subset means what it says.
 */
final class DecisionReplay {

    private DecisionReplay() {
    }

    static AssertionError minimized(DecisionWorlds worlds, Config config, List<DecisionOp> ran, Mismatch failure,
                                    Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        List<DecisionOp> current = ran;
        Mismatch best = failure;
        int replays = 0;
        int parts = 2;
        DecisionTally.quiet(true);
        try {
            while (current.size() >= 2 && System.nanoTime() < deadline) {
                int size = (current.size() + parts - 1) / parts;
                boolean reduced = false;
                for (int from = 0; from < current.size() && System.nanoTime() < deadline; from += size) {
                    List<DecisionOp> candidate = new ArrayList<>(current.subList(0, from));
                    candidate.addAll(current.subList(Math.min(current.size(), from + size), current.size()));
                    replays++;
                    Mismatch again = replay(worlds, config, candidate, failure.kind);
                    if (again != null) {
                        current = candidate;
                        best = again;
                        parts = Math.max(parts - 1, 2);
                        reduced = true;
                        break;
                    }
                }
                if (!reduced) {
                    if (parts >= current.size()) {
                        break;
                    }
                    parts = Math.min(parts * 2, current.size());
                }
            }
        } finally {
            DecisionTally.quiet(false);
        }
        StringBuilder message = new StringBuilder("The decision differs from the model's. Shortest sequence found by "
                + "replaying (" + current.size() + " of " + ran.size() + " operations, " + replays + " replays in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s), after the world's set-up:\n");
        for (int i = 0; i < current.size(); i++) {
            message.append("  ").append(i + 1).append(". ").append(current.get(i)).append('\n');
        }
        AssertionError error = new AssertionError(message + best.getMessage());
        error.addSuppressed(failure);
        return error;
    }

    /** The disagreement this sequence ends in, when it is the same kind; otherwise null. */
    private static Mismatch replay(DecisionWorlds worlds, Config config, List<DecisionOp> ops, String kind) {
        DecisionWorld world = worlds.create(config);
        try {
            for (DecisionOp op : ops) {
                world.run(op);
            }
            return null;
        } catch (Mismatch m) {
            return m.kind.equals(kind) ? m : null;
        } catch (RuntimeException e) {
            // a replay without some operation may trip over something else: not this failure
            return null;
        }
    }
}
