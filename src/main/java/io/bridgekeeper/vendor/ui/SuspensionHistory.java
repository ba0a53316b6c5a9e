package io.bridgekeeper.vendor.ui;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionSummary;
import java.util.List;
import java.util.stream.Collectors;

/** Every suspension of the vendor, newest first. */
class SuspensionHistory extends Card {

    SuspensionHistory(List<SuspensionSummary> history) {
        Cards.outline(this);
        addClassName("wide-card");
        Grid<SuspensionSummary> grid = new Grid<>();
        grid.setId("suspension-history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> Formats.minute(s.suspendedAt())).setHeader("Suspended").setAutoWidth(true);
        grid.addColumn(s -> s.reason().label()).setHeader("Reason").setAutoWidth(true);
        grid.addColumn(SuspensionSummary::reasonText).setHeader("Why").setFlexGrow(2);
        grid.addColumn(s -> s.allCapabilities() ? "All" : s.scope().stream().map(Capability::label)
                .collect(Collectors.joining(", "))).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(SuspensionSummary::suspendedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(s -> s.liftedAt() == null ? (s.awaitsApproval() ? "Awaiting approval" : "Open")
                : Formats.minute(s.liftedAt()) + " by " + s.liftedBy()).setHeader("Lifted").setAutoWidth(true);
        grid.addColumn(s -> s.liftReason() == null ? "" : s.liftReason()).setHeader("Why resumed").setFlexGrow(2);
        grid.setItems(history);
        grid.setEmptyStateText("Never suspended.");
        add(new H3("Suspension history"), grid);
    }
}
