package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
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

    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("ROLLOUT_CREATED", "Planned"), Map.entry("ROLLOUT_SUBMITTED", "Submitted for approval"),
            Map.entry("ROLLOUT_APPROVED", "Approved"), Map.entry("ROLLOUT_REJECTED", "Rejected"),
            Map.entry("ROLLOUT_STARTED", "Started"), Map.entry("ROLLOUT_ADVANCED", "Advanced"),
            Map.entry("ROLLOUT_COMPLETED", "Completed"), Map.entry("ROLLOUT_PAUSED", "Paused"),
            Map.entry("ROLLOUT_RESUMED", "Resumed"), Map.entry("ROLLOUT_HALTED", "Halted"),
            Map.entry("ROLLOUT_ROLLED_BACK", "Rolled back"));

    RolloutAuditTrail(List<RolloutAuditEntry> entries) {
        setId("rollout-audit");
        Cards.outline(this);
        addClassName("wide-card");
        Grid<RolloutAuditEntry> grid = new Grid<>();
        grid.setId("rollout-audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Formats.second(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> WHAT.getOrDefault(e.action(), e.action())).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RolloutAuditEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> details(e.after())).setHeader("Details").setFlexGrow(1);
        grid.setItems(entries);
        add(new H3("Audit trail"), grid);
    }

    /** The recorded after-state in words: percent, version, reason, and the guards' numbers when they acted. */
    static String details(String afterJson) {
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
            parts.add(after.get("percent").asString() + " % of devices"
                    + (after.hasNonNull("stage") ? " (stage " + after.get("stage").asString() + ")" : ""));
        }
        if (after.hasNonNull("stableVersion")) {
            parts.add(after.get("stableVersion").asString() + " is the stable version");
        }
        if (after.hasNonNull("version")) {
            parts.add("back on " + after.get("version").asString());
        }
        if (after.hasNonNull("reason")) {
            parts.add("“" + after.get("reason").asString() + "”");
        }
        JsonNode evidence = after.get("evidence");
        if (evidence != null && evidence.isObject() && evidence.has("deliveries")) {
            parts.add(String.format("the guards saw %,d deliveries, %,d errors (%.2f %%), %,d isolation violations, "
                            + "%s without telemetry, %s baked",
                    evidence.path("deliveries").asLong(), evidence.path("errors").asLong(),
                    evidence.path("errorRate").asDouble() * 100, evidence.path("isolationViolations").asLong(),
                    GuardPanel.duration(evidence.path("silentSeconds").asLong()),
                    GuardPanel.duration(evidence.path("bakedSeconds").asLong())));
        }
        return String.join(" · ", parts);
    }
}
