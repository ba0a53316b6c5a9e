package io.bridgekeeper.decision.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.StatCard;
import io.bridgekeeper.decision.DenyReason;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * What this node has answered since it started. The counters live in this node's memory only, so
 * the panel says so and names the node; the fleet's totals are Prometheus's job.
 */
class NodeDecisionsPanel extends Div {

    private final MeterRegistry registry;
    private final Div stats = new Div();
    private final Grid<NodeDecisionCounters.ReasonCount> reasons = new Grid<>();

    NodeDecisionsPanel(MeterRegistry registry, String nodeId, Instant startedAt) {
        this.registry = registry;
        setId("node-decisions");
        addClassName("node-decisions");

        H2 title = new H2("Decisions on this node");
        title.addClassName("section-title");
        Paragraph scope = new Paragraph("Counted in the memory of node " + nodeId + " since it started on "
                + Formats.minute(startedAt) + ". Every node counts only what it answered itself, from zero at each "
                + "start; for the whole platform, add up bridgekeeper_decisions_total over all nodes in Prometheus.");
        scope.setId("node-decisions-scope");
        scope.addClassName("muted");

        stats.addClassName("stat-row");

        H3 byReason = new H3("Denied by reason, on this node");
        reasons.setId("denied-by-reason");
        reasons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reasons.setAllRowsVisible(true);
        reasons.addColumn(LitRenderer.<NodeDecisionCounters.ReasonCount>of("""
                        <div class="cell-main">${item.label}</div><div class="cell-sub mono">${item.code}</div>""")
                        .withProperty("label", r -> label(r.reason()))
                        // a phone may break the code only after an underscore, not inside a word
                        .withProperty("code", r -> r.reason().name().replace("_", "_\u200B")))
                .setHeader("Reason").setFlexGrow(1).setWidth("7rem");
        // narrow enough that all three fit a phone: the counts are short, the reason wraps
        reasons.addColumn(r -> String.format("%,d", r.authorize())).setHeader("Deliveries").setFlexGrow(0)
                .setWidth("6rem").setTextAlign(ColumnTextAlign.END);
        reasons.addColumn(r -> String.format("%,d", r.resolve())).setHeader("Resolves").setFlexGrow(0)
                .setWidth("6rem").setTextAlign(ColumnTextAlign.END);
        reasons.setEmptyStateText("Nothing denied on this node since it started.");
        Card reasonCard = Cards.of("wide-card", byReason, reasons);

        add(title, scope, stats, reasonCard);
        refresh();
    }

    void refresh() {
        NodeDecisionCounters c = NodeDecisionCounters.read(registry);
        StatCard violations = new StatCard("stat-violations", "Isolation violations", c.violations(),
                c.violations() > 0 ? "error" : "ok");
        Anchor incidents = new Anchor("admin/incidents", "See incidents");
        incidents.setId("violations-incidents-link");
        incidents.addClassName("stat-link");
        violations.add(incidents);
        stats.removeAll();
        stats.add(new StatCard("stat-allowed", "Deliveries allowed", c.allowed(), "neutral"),
                new StatCard("stat-denied", "Deliveries denied", c.denied(), "neutral"),
                new StatCard("stat-resolved", "Devices resolved", c.resolved(), "neutral"),
                new StatCard("stat-resolve-refused", "Resolves refused", c.resolveRefused(), "neutral"),
                violations);
        reasons.setItems(c.deniedByReason());
    }

    private static String label(DenyReason reason) {
        return switch (reason) {
            case VENDOR_SUSPENDED -> "Vendor suspended or not live";
            case CAPABILITY_SUSPENDED -> "Capability suspended or not offered";
            case DEVICE_UNKNOWN -> "Unknown device";
            case DEVICE_DISABLED -> "Device disabled";
            case OWNERSHIP_CONFLICT -> "Move between homes awaits consent";
            case LINK_ENDED -> "Link ended";
            case REQUESTER_NOT_OWNER -> "Requester does not own the display";
            case OWNER_MISMATCH -> "Owner mismatch (isolation violation)";
            case OWNER_CHANGED -> "Device changed owner since the key was issued";
            case STALE_CACHE_KEY -> "Stale cache key";
            case FORGED_CACHE_KEY -> "Cache key not issued by Bridgekeeper";
        };
    }
}
