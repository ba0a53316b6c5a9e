package io.bridgekeeper.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
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
@PageTitle("Device · Bridgekeeper")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class DeviceDetailView extends VerticalLayout implements HasUrlParameter<Long> {

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
        Button transfer = new Button("Transfer ownership",
                e -> new TransferDialog(d.device(), devices, () -> show(devices.detail(d.device().id()))).open());
        transfer.setId("transfer");
        transfer.setVisible(currentUser.isAdmin() && d.device().state() != DeviceState.REMOVED);
        add(new ViewHeader(d.device().name(), d.device().vendorName() + " · " + d.device().kind().label(), transfer));
        Div facts = new Div(fact("Vendor's id", d.device().vendorDeviceId()),
                fact("Owner", d.device().ownerEmail() == null ? "—" : d.device().ownerEmail()),
                fact("Owner since", Formats.minute(d.device().ownerSince())),
                fact("Link", d.device().linkId() == null ? "—" : "#" + d.device().linkId()),
                fact("State", d.device().state().name()));
        facts.setId("device-facts");
        facts.addClassName("device-facts");
        if (currentUser.isAdmin()) {
            moves.pendingMoveOf(d.device().id()).ifPresent(m -> add(pendingMove(m, d.device().id())));
        }
        H2 title = new H2("Ownership history");
        title.addClassName("section-title");
        Grid<OwnershipPeriod> history = new Grid<>();
        history.setId("ownership-history");
        history.addColumn(OwnershipPeriod::ownerEmail).setHeader("Owner").setAutoWidth(true);
        history.addColumn(p -> Formats.minute(p.startedAt())).setHeader("From").setAutoWidth(true);
        history.addColumn(OwnershipPeriod::startReason).setHeader("Why").setAutoWidth(true);
        history.addColumn(p -> p.endedAt() == null ? "now" : Formats.minute(p.endedAt())).setHeader("Until")
                .setAutoWidth(true);
        history.addColumn(p -> p.endReason() == null ? "" : p.endReason()).setHeader("Ended by").setAutoWidth(true);
        history.addColumn(p -> p.reasonText() == null ? "" : p.reasonText()).setHeader("Reason").setFlexGrow(1);
        history.setItems(d.history());
        history.setAllRowsVisible(true);
        add(Cards.of("facts-card", facts), title, history);
    }

    /** The move a vendor's sync asked for, held until someone consents: an admin may resolve it either way. */
    private Card pendingMove(MoveRequest m, long deviceId) {
        Span text = new Span(m.vendorName() + " lists this device under " + m.toEmail() + "'s account "
                + m.toExternalAccountId() + " since " + Formats.minute(m.requestedAt().toInstant())
                + ". It stays with " + m.fromEmail() + " and is held (every decision denies it) until " + m.toEmail()
                + " confirms or an admin resolves it." + (m.toLinkLive() ? "" : " That account is no longer linked."));
        Runnable done = () -> show(devices.detail(deviceId));
        Button move = new Button("Move to " + m.toEmail(), e -> new ResolveMoveDialog(m, DeviceMoveService.Resolution.MOVE,
                moves, done).open());
        move.setId("resolve-move-to-new");
        move.setEnabled(m.toLinkLive());
        Button keep = new Button("Keep with " + m.fromEmail(), e -> new ResolveMoveDialog(m,
                DeviceMoveService.Resolution.KEEP, moves, done).open());
        keep.setId("resolve-move-keep");
        Card box = Cards.of("pending-move", new H2("Move waiting for consent"), text, new Div(move, keep));
        box.setId("pending-move");
        return box;
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("muted");
        Div fact = new Div(l, new Span(value));
        fact.addClassName("fact");
        return fact;
    }
}
