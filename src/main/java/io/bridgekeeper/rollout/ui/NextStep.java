package io.bridgekeeper.rollout.ui;

import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.GuardReading;
import io.bridgekeeper.rollout.RolloutDetail;

/**
 * What happens next to a rollout and on what condition, in one sentence: "Advances to 25 % at 14:02 if
 * errors stay under 2 % and 500 deliveries are reached." Read from the same numbers the guards use.
 */
final class NextStep {

    private NextStep() {
    }

    static String sentence(RolloutDetail r, GuardReading g) {
        return switch (r.state()) {
            case DRAFT -> "Nothing moves yet: submit it, an admin other than its author approves it, then someone starts it.";
            case PENDING_APPROVAL -> "Waits for an admin other than " + r.createdBy() + " to approve or reject it.";
            case APPROVED -> "Starts when a partner manager or an admin presses Start: stage 1 moves "
                    + r.stages().getFirst().percent() + " % of the devices to " + r.toLabel() + ".";
            case RUNNING -> running(r, g);
            case PAUSED -> "Paused: nothing moves. Resume keeps " + r.currentPercent() + " % on " + r.toLabel()
                    + " and starts a fresh observation window: the bake time and the guards count again from then.";
            case COMPLETED -> "Finished: " + r.toLabel() + " is the stable version for every device.";
            case HALTED, ROLLED_BACK -> "Finished: every device is back on " + r.fromLabel() + "; nothing more happens.";
            case REJECTED -> "Rejected: nothing moves. A new rollout can be planned.";
        };
    }

    private static String running(RolloutDetail r, GuardReading g) {
        String step = r.onLastStage() ? "Completes (" + r.toLabel() + " becomes stable)"
                : "Advances to " + r.nextPercent() + " %";
        String errors = String.format("errors stay under %s %%", percent(g.errorRateThreshold().doubleValue()));
        if (g.isolationViolations() > 0) {
            return "Halts and rolls back to " + r.fromLabel() + " now: an isolation violation was reported.";
        }
        if (g.errorRateTripped()) {
            return "Pauses now: the error rate is over " + percent(g.errorRateThreshold().doubleValue()) + " %.";
        }
        if (g.mayAdvance()) {
            return step + " within seconds: it has baked, the sample is reached and every guard is green.";
        }
        String when = g.baked() ? "as soon as"
                : "at " + Formats.timeOfDay(g.at().plusSeconds(g.bakeSeconds() - g.bakedSeconds())) + " if";
        String sample = g.sampleReached() ? "" : String.format(" and %,d deliveries are reached (%,d so far)",
                g.minDeliveries(), g.deliveries());
        return step + " " + when + " " + errors + sample + ". Halts at the first isolation violation; pauses after "
                + GuardPanel.duration(g.noDataSeconds()) + " without telemetry.";
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format("%.2f", p).replaceAll("0+$", "");
    }
}
