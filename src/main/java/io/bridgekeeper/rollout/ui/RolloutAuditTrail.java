package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.rollout.RolloutAuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollout's own audit events, oldest first, in words: who did what, why, and what the guards saw.
 * The stored record (the audit log's JSON) stays one click away in the audit log.
 */
class RolloutAuditTrail extends Card {


    RolloutAuditTrail(List<RolloutAuditEntry> entries) {
        Words words = Words.ofPage();
        setId("rollout-audit");
        Cards.outline(this);
        addClassName("wide-card");
        Grid<RolloutAuditEntry> grid = new Grid<>();
        grid.setId("rollout-audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Formats.second(e.at())).setHeader(t("rollout.trail.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Words.tOr("rollout.trail.action." + e.action(), e.action())).setHeader(t("rollout.trail.what")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RolloutAuditEntry::actor).setHeader(t("rollout.trail.who")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> details(words, e.after())).setHeader(t("rollout.trail.details")).setFlexGrow(1);
        grid.setItems(entries);
        add(new H3(t("rollout.trail.title")), grid);
    }

    /** The recorded after-state in words: percent, version, reason, and the guards' numbers when they acted. */
    static String details(Words words, String afterJson) {
        if (afterJson == null || afterJson.isBlank()) {
            return "";
        }
        JsonNode after;
        try {
            after = JsonMapper.shared().readTree(afterJson);
        } catch (RuntimeException e) {
            return afterJson;
        }
        List<String> parts = new ArrayList<>();
        if (after.hasNonNull("percent")) {
            parts.add(after.hasNonNull("stage")
                    ? words.get("rollout.trail.percent-stage", after.get("percent").asString(), after.get("stage").asString())
                    : words.get("rollout.trail.percent", after.get("percent").asString()));
        }
        if (after.hasNonNull("stableVersion")) {
            parts.add(words.get("rollout.trail.stable", after.get("stableVersion").asString()));
        }
        if (after.hasNonNull("version")) {
            parts.add(words.get("rollout.trail.back-on", after.get("version").asString()));
        }
        if (after.hasNonNull("reason")) {
            parts.add("“" + after.get("reason").asString() + "”");
        }
        JsonNode evidence = after.get("evidence");
        if (evidence != null && evidence.isObject() && evidence.has("deliveries")) {
            parts.add(words.get("rollout.trail.guards-saw",
                    evidence.path("deliveries").asLong(), evidence.path("errors").asLong(),
                    evidence.path("errorRate").asDouble() * 100, evidence.path("isolationViolations").asLong(),
                    GuardPanel.duration(evidence.path("silentSeconds").asLong()),
                    GuardPanel.duration(evidence.path("bakedSeconds").asLong())));
        }
        return String.join(" · ", parts);
    }
}
