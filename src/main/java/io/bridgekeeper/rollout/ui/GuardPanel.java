package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.rollout.GuardReading;

/** Each guard with its numbers and whether it is green, over the current observation window. */
class GuardPanel extends Card {

    GuardPanel(GuardReading g, boolean running) {
        setId("rollout-guards");
        Cards.outline(this);
        addClassName("guard-card");
        add(new H3("Guards"));
        add(line("guard-isolation", "Isolation violations", g.isolationViolations() + " (threshold 0)",
                g.isolationViolations() == 0 ? "success" : "error", g.isolationViolations() == 0 ? "Green" : "Halt"));
        String rate = String.format("%.2f %% of %,d deliveries (pause above %.2f %%)", g.errorRate() * 100,
                g.deliveries(), g.errorRateThreshold().doubleValue() * 100);
        add(line("guard-error-rate", "Error rate", rate, g.errorRateTripped() ? "error"
                : g.sampleReached() ? "success" : "warning",
                g.errorRateTripped() ? "Over" : g.sampleReached() ? "Green" : "Sampling"));
        add(line("guard-sample", "Sample", String.format("%,d of %,d deliveries", g.deliveries(), g.minDeliveries()),
                g.sampleReached() ? "success" : "warning", g.sampleReached() ? "Reached" : "Waiting"));
        add(line("guard-no-data", "Telemetry", running ? "silent for " + duration(g.silentSeconds()) + " (pause after "
                        + duration(g.noDataSeconds()) + ")" : "—",
                !running ? "neutral" : g.noDataTripped() ? "error" : "success",
                !running ? "Idle" : g.noDataTripped() ? "Silent" : "Green"));
        add(line("guard-bake", "Bake time", running ? duration(Math.min(g.bakedSeconds(), g.bakeSeconds())) + " of "
                        + duration(g.bakeSeconds()) : duration(g.bakeSeconds()) + " per stage",
                !running ? "neutral" : g.baked() ? "success" : "warning",
                !running ? "Idle" : g.baked() ? "Baked" : "Baking"));
        Span next = new Span(running ? "The guards decide every few seconds: green and baked advances, over the error "
                + "rate or silent pauses, an isolation violation halts and rolls back."
                : "The guards act only while the rollout runs.");
        next.setId("guard-verdict");
        next.addClassName("muted");
        add(next);
    }

    private static Div line(String id, String label, String value, String tone, String verdict) {
        Span name = new Span(label);
        name.addClassName("guard-name");
        Span numbers = new Span(value);
        numbers.addClassName("guard-value");
        Div line = new Div(name, numbers, new Badge(verdict, tone));
        line.setId(id);
        line.addClassName("guard-line");
        return line;
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds + " s";
    }
}
