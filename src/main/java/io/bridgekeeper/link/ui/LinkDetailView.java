package io.bridgekeeper.link.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ReasonDialog;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceRef;
import io.bridgekeeper.link.EpochChange;
import io.bridgekeeper.link.LinkDetail;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.LinkStatus;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** One link for staff: its devices, its epoch history; an admin can force-unlink it with a reason. */
@Route("links")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class LinkDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("link.detail.title") + " · Bridgekeeper";
    }

    private final LinkService links;
    private final UnlinkService unlinks;
    private final CurrentUser currentUser;

    public LinkDetailView(LinkService links, UnlinkService unlinks, CurrentUser currentUser) {
        this.links = links;
        this.unlinks = unlinks;
        this.currentUser = currentUser;
        setId("link-detail");
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long linkId) {
        show(Pages.orNotFound(() -> links.detail(linkId)));
    }

    private void show(LinkDetail d) {
        removeAll();
        Button force = new Button(t("link.detail.force"), e -> new ReasonDialog("force-unlink",
                t("link.detail.force-title", d.link().externalAccountId()),
                t("link.detail.force-text", d.link().accountEmail(), d.link().vendorName(), String.valueOf(d.devices().size())),
                t("link.detail.force"), d.link().vendorSlug(), (reason, typedSlug) -> {
                    unlinks.forceUnlink(d.link().id(), reason, typedSlug);
                    show(links.detail(d.link().id()));
                }).open());
        force.setId("force-unlink");
        force.addThemeVariants(ButtonVariant.LUMO_ERROR);
        force.setVisible(currentUser.isAdmin() && d.link().status() == LinkStatus.LIVE);
        add(new ViewHeader(d.link().vendorName() + " · " + d.link().externalAccountId(), d.link().accountEmail(), force));

        Div facts = new Div(fact(t("link.status"), new Badge(Words.label(d.link().status()), d.link().status().tone())),
                fact(t("link.epoch"), new Span(String.valueOf(d.link().epoch()))),
                fact(t("link.linked"), new Span(Formats.minute(d.link().linkedAt()))),
                fact(t("link.unlinked"), new Span(Formats.minute(d.link().unlinkedAt())
                        + (d.unlinkReason() == null ? "" : " · " + d.unlinkReason()))));
        facts.setId("link-facts");
        facts.addClassName("device-facts");
        add(Cards.of("facts-card", facts));

        H2 devicesTitle = new H2(t("link.detail.devices"));
        devicesTitle.addClassName("section-title");
        Grid<DeviceRef> devices = new Grid<>();
        devices.setId("link-devices");
        devices.addColumn(DeviceRef::name).setHeader(t("link.name")).setAutoWidth(true);
        devices.addColumn(r -> Words.label(r.kind())).setHeader(t("link.kind")).setAutoWidth(true);
        devices.addColumn(DeviceRef::vendorDeviceId).setHeader(t("link.vendor-id")).setAutoWidth(true);
        devices.setItems(d.devices());
        devices.setAllRowsVisible(true);
        devices.setEmptyStateText(t("link.detail.no-devices"));

        H2 epochsTitle = new H2(t("link.detail.epochs"));
        epochsTitle.addClassName("section-title");
        Grid<EpochChange> epochs = new Grid<>();
        epochs.setId("link-epochs");
        epochs.addColumn(EpochChange::epoch).setHeader(t("link.epoch")).setAutoWidth(true).setFlexGrow(0);
        epochs.addColumn(e -> Words.tOr("link.epoch-event." + e.event(), e.event())).setHeader(t("link.detail.event")).setAutoWidth(true);
        epochs.addColumn(e -> Formats.minute(e.occurredAt())).setHeader(t("link.detail.when")).setAutoWidth(true);
        epochs.addColumn(e -> e.actorEmail() == null ? "" : e.actorEmail()).setHeader(t("link.detail.by")).setAutoWidth(true);
        epochs.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader(t("link.reason")).setFlexGrow(1);
        epochs.setItems(d.epochs());
        epochs.setAllRowsVisible(true);
        add(devicesTitle, devices, epochsTitle, epochs);
    }

    private static Div fact(String label, com.vaadin.flow.component.Component value) {
        Span l = new Span(label);
        l.addClassName("muted");
        Div fact = new Div(l, value);
        fact.addClassName("fact");
        return fact;
    }
}
