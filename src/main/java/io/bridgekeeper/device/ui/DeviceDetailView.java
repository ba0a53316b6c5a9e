package io.bridgekeeper.device.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceDetail;
import io.bridgekeeper.device.DeviceMoveService;
import io.bridgekeeper.device.DeviceState;
import io.bridgekeeper.device.MoveRequest;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.OwnershipPeriod;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** A device for staff with its ownership history; an admin can transfer it and resolve a move waiting for consent. */
@Route("devices")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class DeviceDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("device.detail.title") + " · Bridgekeeper";
    }

    private final DeviceService devices;
    private final DeviceMoveService moves;
    private final CurrentUser currentUser;

    public DeviceDetailView(DeviceService devices, DeviceMoveService moves, CurrentUser currentUser) {
        this.devices = devices;
        this.moves = moves;
        this.currentUser = currentUser;
        setId("device-detail");
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long deviceId) {
        show(Pages.orNotFound(() -> devices.detail(deviceId)));
    }

    private void show(DeviceDetail d) {
        removeAll();
        Button transfer = new Button(t("device.detail.transfer"),
                e -> new TransferDialog(d.device(), devices, () -> show(devices.detail(d.device().id()))).open());
        transfer.setId("transfer");
        transfer.setVisible(currentUser.isAdmin() && d.device().state() != DeviceState.REMOVED);
        add(new ViewHeader(d.device().name(), (d.device().vendorId() == null ? t("device.search.platform")
                : d.device().vendorName()) + " · " + Words.label(d.device().kind()), transfer));
        Div facts = new Div(fact(t("device.vendor-id"), d.device().vendorDeviceId()),
                fact(t("device.owner"), d.device().ownerEmail() == null ? "—" : d.device().ownerEmail()),
                fact(t("device.detail.owner-since"), Formats.minute(d.device().ownerSince())),
                fact(t("device.detail.link"), d.device().linkId() == null ? "—" : "#" + d.device().linkId()),
                fact(t("device.state"), Words.label(d.device().state())));
        facts.setId("device-facts");
        facts.addClassName("device-facts");
        if (currentUser.isAdmin()) {
            moves.pendingMoveOf(d.device().id()).ifPresent(m -> add(pendingMove(m, d.device().id())));
        }
        H2 title = new H2(t("device.detail.history"));
        title.addClassName("section-title");
        Grid<OwnershipPeriod> history = new Grid<>();
        history.setId("ownership-history");
        history.addColumn(OwnershipPeriod::ownerEmail).setHeader(t("device.owner")).setAutoWidth(true);
        history.addColumn(p -> Formats.minute(p.startedAt())).setHeader(t("device.detail.from")).setAutoWidth(true);
        history.addColumn(p -> reason(p.startReason())).setHeader(t("device.detail.why")).setAutoWidth(true);
        history.addColumn(p -> p.endedAt() == null ? t("device.detail.now") : Formats.minute(p.endedAt())).setHeader(t("device.detail.until"))
                .setAutoWidth(true);
        history.addColumn(p -> p.endReason() == null ? "" : reason(p.endReason())).setHeader(t("device.detail.ended-by")).setAutoWidth(true);
        history.addColumn(p -> p.reasonText() == null ? "" : p.reasonText()).setHeader(t("device.reason")).setFlexGrow(1);
        history.setItems(d.history());
        history.setAllRowsVisible(true);
        add(Cards.of("facts-card", facts), title, history);
    }

    /** The move a vendor's sync asked for, held until someone consents: an admin may resolve it either way. */
    private Card pendingMove(MoveRequest m, long deviceId) {
        Span text = new Span(t("device.move.text", m.vendorName(), m.toEmail(), m.toExternalAccountId(),
                Formats.minute(m.requestedAt().toInstant()), m.fromEmail())
                + (m.toLinkLive() ? "" : " " + t("device.move.not-linked")));
        Runnable done = () -> show(devices.detail(deviceId));
        Button move = new Button(t("device.move.move-to", m.toEmail()), e -> new ResolveMoveDialog(m, DeviceMoveService.Resolution.MOVE,
                moves, done).open());
        move.setId("resolve-move-to-new");
        move.setEnabled(m.toLinkLive());
        Button keep = new Button(t("device.move.keep-with", m.fromEmail()), e -> new ResolveMoveDialog(m,
                DeviceMoveService.Resolution.KEEP, moves, done).open());
        keep.setId("resolve-move-keep");
        Card box = Cards.of("pending-move", new H2(t("device.move.title")), text, new Div(move, keep));
        box.setId("pending-move");
        return box;
    }

    /** An ownership period's start or end reason in words; a code without words shows as it is. */
    private static String reason(String code) {
        return Words.tOr("device.ownership-reason." + code, code);
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("muted");
        Div fact = new Div(l, new Span(value));
        fact.addClassName("fact");
        return fact;
    }
}
