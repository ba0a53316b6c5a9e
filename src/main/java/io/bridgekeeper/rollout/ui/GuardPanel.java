package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
        add(new H3(t("rollout.guards.title")));
        add(line("guard-isolation", t("rollout.guards.isolation"), t("rollout.guards.isolation-value", g.isolationViolations()),
                g.isolationViolations() == 0 ? "success" : "error", t(g.isolationViolations() == 0 ? "rollout.guards.green" : "rollout.guards.halt")));
        String rate = t("rollout.guards.rate-value", g.errorRate() * 100, g.deliveries(), g.errorRateThreshold().doubleValue() * 100);
        add(line("guard-error-rate", t("rollout.guards.error-rate"), rate, g.errorRateTripped() ? "error"
                : g.sampleReached() ? "success" : "warning",
                t(g.errorRateTripped() ? "rollout.guards.over" : g.sampleReached() ? "rollout.guards.green" : "rollout.guards.sampling")));
        add(line("guard-sample", t("rollout.guards.sample"), t("rollout.guards.sample-value", g.deliveries(), g.minDeliveries()),
                g.sampleReached() ? "success" : "warning", t(g.sampleReached() ? "rollout.guards.reached" : "rollout.guards.waiting")));
        add(line("guard-no-data", t("rollout.guards.telemetry"), running ? t("rollout.guards.silent-for", duration(g.silentSeconds()),
                        duration(g.noDataSeconds())) : "—",
                !running ? "neutral" : g.noDataTripped() ? "error" : "success",
                t(!running ? "rollout.guards.idle" : g.noDataTripped() ? "rollout.guards.silent" : "rollout.guards.green")));
        add(line("guard-bake", t("rollout.guards.bake"), running ? t("rollout.guards.bake-of", duration(Math.min(g.bakedSeconds(),
                        g.bakeSeconds())), duration(g.bakeSeconds())) : t("rollout.guards.bake-per-stage", duration(g.bakeSeconds())),
                !running ? "neutral" : g.baked() ? "success" : "warning",
                t(!running ? "rollout.guards.idle" : g.baked() ? "rollout.guards.baked" : "rollout.guards.baking")));
        Span next = new Span(t(running ? "rollout.guards.verdict-running" : "rollout.guards.verdict-idle"));
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
