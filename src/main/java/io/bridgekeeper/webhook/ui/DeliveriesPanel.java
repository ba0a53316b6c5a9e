package io.bridgekeeper.webhook.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.bridgekeeper.base.db.KeysetPages;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.webhook.DeliveryState;
import io.bridgekeeper.webhook.DeliveryStatus;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import java.time.Instant;

/**
 * The deliveries grid: lazy (a Slice per page), filtered by status (and by vendor on a vendor's page),
 * with a confirmed one-click redelivery for dead letters. t("webhook.last-result") is a status class only
 * ("HTTP 5xx", "timeout"): nothing the vendor's endpoint said is shown.
 */
class DeliveriesPanel extends VerticalLayout {

    private final WebhookDeliveryService service;
    private final Grid<DeliveryState> grid = new Grid<>();
    private final KeysetPages<DeliveryStatus, DeliveryState> pages = new KeysetPages<>(DeliveryState::id);
    private final Long vendorId;
    private DeliveryStatus status;

    DeliveriesPanel(WebhookDeliveryService service) {
        this(service, null, null);
    }

    DeliveriesPanel(WebhookDeliveryService service, Long vendorId, DeliveryStatus initialStatus) {
        this.service = service;
        this.vendorId = vendorId;
        this.status = initialStatus;
        setPadding(false);
        setSizeFull();
        ComboBox<DeliveryStatus> filter = new ComboBox<>(t("webhook.status"));
        filter.setId("delivery-status-filter");
        filter.setItems(DeliveryStatus.values());
        filter.setItemLabelGenerator(DeliveriesPanel::label);
        filter.setClearButtonVisible(true);
        filter.setPlaceholder(t("base.any"));
        filter.setValue(initialStatus);
        filter.addValueChangeListener(e -> {
            status = e.getValue();
            grid.getDataProvider().refreshAll();
        });
        Div bar = new Div(filter);
        bar.addClassName("filter-bar");

        grid.setId("delivery-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeliveryState::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeliveryState::vendorName).setHeader(t("webhook.vendor")).setAutoWidth(true);
        grid.addColumn(d -> d.event().name()).setHeader(t("webhook.event")).setAutoWidth(true);
        grid.addComponentColumn(d -> new Badge(label(d.status()), tone(d.status()))).setHeader(t("webhook.status")).setAutoWidth(true);
        grid.addColumn(DeliveryState::attempts).setHeader(t("webhook.attempts")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader(t("webhook.last-result")).setWidth("12em")
                .setFlexGrow(1);
        grid.addColumn(d -> time(d.createdAt())).setHeader(t("webhook.queued")).setAutoWidth(true);
        grid.addColumn(d -> d.status() == DeliveryStatus.ACKNOWLEDGED ? t("webhook.acknowledged-at", time(d.acknowledgedAt()))
                : d.status().isOpen() ? t("webhook.next-at", time(d.nextAttemptAt())) : "").setHeader(t("webhook.when")).setAutoWidth(true);
        Grid.Column<DeliveryState> actions = grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true)
                .setFlexGrow(0);
        // a row opens its delivery: payload as sent, every attempt and the vendor's answers
        grid.addItemClickListener(e -> {
            if (e.getColumn() != actions) {
                new DeliveryDialog(service.detail(e.getItem().id())).open();
            }
        });
        NarrowWindow.showOnlyOnPhones(grid, t("webhook.vendor"), t("webhook.status"), "");
        grid.setItemsPageable(page -> {
            DeliveryStatus s = status;
            return pages.page(s, page, (p, after) -> service.deliveries(vendorId, s, p, after).getContent());
        });
        grid.getDataProvider().addDataProviderListener(e -> pages.forget());
        grid.setEmptyStateText(t("webhook.empty"));
        add(bar);
        addAndExpand(grid);
    }

    private com.vaadin.flow.component.Component actions(DeliveryState d) {
        if (d.status() != DeliveryStatus.DEAD_LETTER) {
            return new Span();
        }
        Button redeliver = new Button(t("webhook.redeliver-button"), e -> confirmRedeliver(d));
        redeliver.setId("redeliver-" + d.id());
        redeliver.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return redeliver;
    }

    private void confirmRedeliver(DeliveryState d) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("redeliver-confirm");
        confirm.setHeader(t("webhook.redeliver-title", d.event().name(), String.valueOf(d.id())));
        confirm.setText(t("webhook.redeliver-text", d.vendorName()));
        confirm.setCancelable(true);
        confirm.setCancelText(t("base.cancel"));
        Button ok = new Button(t("webhook.redeliver"), e -> {
            confirm.close();
            Actions.run(() -> service.redeliver(d.id()), t("webhook.requeued", String.valueOf(d.id())));
            grid.getDataProvider().refreshAll();
        });
        ok.setId("redeliver-confirm-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(ok);
        confirm.open();
    }

    private static String time(Instant at) {
        return at == null ? "" : Formats.recent(at);
    }

    static String label(DeliveryStatus s) {
        return switch (s) {
            case PENDING -> t("webhook.status.PENDING");
            case RETRYING -> t("webhook.status.RETRYING");
            case ACKNOWLEDGED -> t("webhook.status.ACKNOWLEDGED");
            case DEAD_LETTER -> t("webhook.status.DEAD_LETTER");
        };
    }

    static String tone(DeliveryStatus s) {
        return switch (s) {
            case PENDING -> "contrast";
            case RETRYING -> "warning";
            case ACKNOWLEDGED -> "success";
            case DEAD_LETTER -> "error";
        };
    }

    /** Reads the shown page of deliveries again (filters and position stay). */
    void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
