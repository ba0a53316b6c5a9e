package io.bridgekeeper.webhook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.webhook.DeliveryState;
import io.bridgekeeper.webhook.DeliveryStatus;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The deliveries grid: lazy (a Slice per page), filtered by status, with a retry for failed ones. */
class DeliveriesPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM, HH:mm:ss").withZone(ZoneId.systemDefault());

    private final WebhookDeliveryService service;
    private final Grid<DeliveryState> grid = new Grid<>();
    private DeliveryStatus status;

    DeliveriesPanel(WebhookDeliveryService service) {
        this.service = service;
        setPadding(false);
        setSizeFull();
        ComboBox<DeliveryStatus> filter = new ComboBox<>("Status");
        filter.setId("delivery-status-filter");
        filter.setItems(DeliveryStatus.values());
        filter.setItemLabelGenerator(DeliveriesPanel::label);
        filter.setClearButtonVisible(true);
        filter.setPlaceholder("Any");
        filter.addValueChangeListener(e -> {
            status = e.getValue();
            grid.getDataProvider().refreshAll();
        });
        Div bar = new Div(filter);
        bar.addClassName("filter-bar");

        grid.setId("delivery-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeliveryState::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeliveryState::vendorName).setHeader("Vendor").setAutoWidth(true);
        grid.addColumn(d -> d.event().name()).setHeader("Event").setAutoWidth(true);
        grid.addComponentColumn(d -> new Badge(label(d.status()), tone(d.status()))).setHeader("Status").setAutoWidth(true);
        grid.addColumn(DeliveryState::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader("Last error").setWidth("18em").setFlexGrow(1)
                .setTooltipGenerator(d -> d.lastError() == null ? "" : d.lastError());
        grid.addColumn(d -> time(d.createdAt())).setHeader("Queued").setAutoWidth(true);
        grid.addColumn(d -> d.status() == DeliveryStatus.ACKNOWLEDGED ? "acknowledged " + time(d.acknowledgedAt())
                : d.status().isOpen() ? "next " + time(d.nextAttemptAt()) : "").setHeader("When").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(page -> service.deliveries(status, page).getContent());
        grid.setEmptyStateText("No webhook deliveries.");
        add(bar);
        addAndExpand(grid);
    }

    private com.vaadin.flow.component.Component actions(DeliveryState d) {
        if (d.status() != DeliveryStatus.FAILED) {
            return new Span();
        }
        Button retry = new Button("Retry", e -> {
            service.retry(d.id());
            Notification.show("Delivery " + d.id() + " queued again.", 3000, Notification.Position.BOTTOM_START);
            grid.getDataProvider().refreshAll();
        });
        retry.setId("retry-" + d.id());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return retry;
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String label(DeliveryStatus s) {
        return switch (s) {
            case PENDING -> "Pending";
            case RETRYING -> "Retrying";
            case ACKNOWLEDGED -> "Acknowledged";
            case FAILED -> "Failed";
        };
    }

    static String tone(DeliveryStatus s) {
        return switch (s) {
            case PENDING -> "contrast";
            case RETRYING -> "warning";
            case ACKNOWLEDGED -> "success";
            case FAILED -> "error";
        };
    }
}
