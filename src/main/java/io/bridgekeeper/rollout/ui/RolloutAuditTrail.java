package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.RolloutAuditEntry;
import java.util.List;

/** The rollout's own audit events, oldest first: who did what, and what the guards saw. */
class RolloutAuditTrail extends Card {

    RolloutAuditTrail(List<RolloutAuditEntry> entries) {
        setId("rollout-audit");
        Cards.outline(this);
        addClassName("wide-card");
        Grid<RolloutAuditEntry> grid = new Grid<>();
        grid.setId("rollout-audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> Formats.precise(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RolloutAuditEntry::action).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RolloutAuditEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.after() == null ? "" : e.after()).setHeader("After").setFlexGrow(1);
        grid.setItems(entries);
        add(new H3("Audit trail"), grid);
    }
}
