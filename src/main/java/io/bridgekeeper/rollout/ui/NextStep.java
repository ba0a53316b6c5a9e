package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.rollout.GuardReading;
import io.bridgekeeper.rollout.RolloutDetail;

/**
 * What happens next to a rollout and on what condition, in one sentence: "Advances to 25 % at 14:02 if
 * errors stay under 2 % and 500 deliveries are reached." Read from the same numbers the guards use.
 */
final class NextStep {

    private NextStep() {
    }

    static String sentence(Words words, RolloutDetail r, GuardReading g) {
        return switch (r.state()) {
            case DRAFT -> words.get("rollout.next.draft");
            case PENDING_APPROVAL -> words.get("rollout.next.pending", r.createdBy());
            case APPROVED -> words.get("rollout.next.approved", String.valueOf(r.stages().getFirst().percent()), r.toLabel());
            case RUNNING -> running(words, r, g);
            case PAUSED -> words.get("rollout.next.paused", String.valueOf(r.currentPercent()), r.toLabel());
            case COMPLETED -> words.get("rollout.next.completed", r.toLabel());
            case HALTED, ROLLED_BACK -> words.get("rollout.next.rolled-back", r.fromLabel());
            case REJECTED -> words.get("rollout.next.rejected");
        };
    }

    private static String running(Words words, RolloutDetail r, GuardReading g) {
        String step = r.onLastStage() ? words.get("rollout.next.step-complete", r.toLabel())
                : words.get("rollout.next.step-advance", String.valueOf(r.nextPercent()));
        String threshold = percent(g.errorRateThreshold().doubleValue());
        if (g.isolationViolations() > 0) {
            return words.get("rollout.next.halts", r.fromLabel());
        }
        if (g.errorRateTripped()) {
            return words.get("rollout.next.pauses", threshold);
        }
        if (g.mayAdvance()) {
            return words.get("rollout.next.within-seconds", step);
        }
        String sample = g.sampleReached() ? "" : words.get("rollout.next.sample",
                grouped(words, g.minDeliveries()), grouped(words, g.deliveries()));
        String silent = GuardPanel.duration(g.noDataSeconds());
        return g.baked() ? words.get("rollout.next.as-soon-as", step, threshold, sample, silent)
                : words.get("rollout.next.at", step, Formats.timeOfDay(g.at().plusSeconds(g.bakeSeconds() - g.bakedSeconds())),
                        threshold, sample, silent);
    }

    /** 1,500 in English, 1.500 in German. */
    private static String grouped(Words words, long n) {
        return words.get("rollout.number", n);
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format("%.2f", p).replaceAll("0+$", "");
    }
}
