package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import io.bridgekeeper.base.ui.Words;
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
        grid.addColumn(s -> Formats.minute(s.suspendedAt())).setHeader(t("enum.VendorStatus.SUSPENDED")).setAutoWidth(true);
        grid.addColumn(s -> Words.label(s.reason())).setHeader(t("vendor.reason")).setAutoWidth(true);
        grid.addColumn(SuspensionSummary::reasonText).setHeader(t("vendor.history.why")).setFlexGrow(2);
        grid.addColumn(s -> s.allCapabilities() ? t("vendor.history.all") : s.scope().stream().map(Words::label)
                .collect(Collectors.joining(", "))).setHeader(t("vendor.suspend.scope")).setAutoWidth(true);
        grid.addColumn(SuspensionSummary::suspendedBy).setHeader(t("vendor.history.by")).setAutoWidth(true);
        grid.addColumn(s -> s.liftedAt() == null ? (s.awaitsApproval() ? t("vendor.history.awaiting") : t("vendor.history.open"))
                : t("vendor.history.lifted-by", Formats.minute(s.liftedAt()), s.liftedBy())).setHeader(t("vendor.history.lifted")).setAutoWidth(true);
        grid.addColumn(s -> s.liftReason() == null ? "" : s.liftReason()).setHeader(t("vendor.history.why-resumed")).setFlexGrow(2);
        grid.setItems(history);
        grid.setEmptyStateText(t("vendor.history.never"));
        add(new H3(t("vendor.history.title")), grid);
    }
}
