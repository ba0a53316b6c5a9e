package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
import io.bridgekeeper.base.ui.Words;
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

        H2 title = new H2(t("decision.node.title"));
        title.addClassName("section-title");
        Paragraph scope = new Paragraph(t("decision.node.scope", nodeId, Formats.minute(startedAt)));
        scope.setId("node-decisions-scope");
        scope.addClassName("muted");

        stats.addClassName("stat-row");

        H3 byReason = new H3(t("decision.node.by-reason"));
        reasons.setId("denied-by-reason");
        reasons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reasons.setAllRowsVisible(true);
        reasons.addColumn(LitRenderer.<NodeDecisionCounters.ReasonCount>of("""
                        <div class="cell-main">${item.label}</div><div class="cell-sub mono">${item.code}</div>""")
                        .withProperty("label", r -> label(r.reason()))
                        // a phone may break the code only after an underscore, not inside a word
                        .withProperty("code", r -> r.reason().name().replace("_", "_\u200B")))
                .setHeader(t("decision.node.reason")).setFlexGrow(1).setWidth("7rem");
        // narrow enough that all three fit a phone: the counts are short, the reason wraps
        reasons.addColumn(r -> String.format(Words.pageLocale(), "%,d", r.authorize())).setHeader(t("decision.node.deliveries")).setFlexGrow(0)
                .setWidth("6rem").setTextAlign(ColumnTextAlign.END);
        reasons.addColumn(r -> String.format(Words.pageLocale(), "%,d", r.resolve())).setHeader(t("decision.node.resolves")).setFlexGrow(0)
                .setWidth("6rem").setTextAlign(ColumnTextAlign.END);
        reasons.setEmptyStateText(t("decision.node.none-denied"));
        Card reasonCard = Cards.of("wide-card", byReason, reasons);

        add(title, scope, stats, reasonCard);
        refresh();
    }

    void refresh() {
        NodeDecisionCounters c = NodeDecisionCounters.read(registry);
        StatCard violations = new StatCard("stat-violations", t("decision.node.violations"), c.violations(),
                c.violations() > 0 ? "error" : "ok");
        Anchor incidents = new Anchor("admin/incidents", t("decision.node.see-incidents"));
        incidents.setId("violations-incidents-link");
        incidents.addClassName("stat-link");
        violations.add(incidents);
        stats.removeAll();
        stats.add(new StatCard("stat-allowed", t("decision.node.allowed"), c.allowed(), "neutral"),
                new StatCard("stat-denied", t("decision.node.denied"), c.denied(), "neutral"),
                new StatCard("stat-resolved", t("decision.node.resolved"), c.resolved(), "neutral"),
                new StatCard("stat-resolve-refused", t("decision.node.resolve-refused"), c.resolveRefused(), "neutral"),
                violations);
        reasons.setItems(c.deniedByReason());
    }

    private static String label(DenyReason reason) {
        return switch (reason) {
            case VENDOR_SUSPENDED -> t("decision.deny.VENDOR_SUSPENDED");
            case CAPABILITY_SUSPENDED -> t("decision.deny.CAPABILITY_SUSPENDED");
            case DEVICE_UNKNOWN -> t("decision.deny.DEVICE_UNKNOWN");
            case DEVICE_DISABLED -> t("decision.deny.DEVICE_DISABLED");
            case NOT_CERTIFIED -> t("decision.deny.NOT_CERTIFIED");
            case OWNERSHIP_CONFLICT -> t("decision.deny.OWNERSHIP_CONFLICT");
            case LINK_ENDED -> t("decision.deny.LINK_ENDED");
            case LINK_NEEDS_RELINK -> t("decision.deny.LINK_NEEDS_RELINK");
            case REQUESTER_NOT_OWNER -> t("decision.deny.REQUESTER_NOT_OWNER");
            case OWNER_MISMATCH -> t("decision.deny.OWNER_MISMATCH");
            case OWNER_CHANGED -> t("decision.deny.OWNER_CHANGED");
            case STALE_CACHE_KEY -> t("decision.deny.STALE_CACHE_KEY");
            case FORGED_CACHE_KEY -> t("decision.deny.FORGED_CACHE_KEY");
        };
    }
}
