package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
import static io.bridgekeeper.base.ui.Texts.muted;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.decision.AccessHistory;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.DeviceState;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.device.HouseholdDeviceDetail;
import io.bridgekeeper.home.HomePages;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the household's devices: what it is, where it may be shown now (and why not, while its vendor
 * is suspended or the household keeps it off), who asked for it recently, and the household's own
 * switches: turn it off or on, unlink it. Another home's device id shows "Page not available", the same
 * as an id that does not exist: the service refuses it, and the view does not reveal which.
 */
@Route("home/devices")
@RolesAllowed(Roles.END_USER)
public class HouseholdDeviceView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("home.device.title") + " · Bridgekeeper";
    }

    private final HomePages pages;
    private final DeviceService devices;
    private final UnlinkService unlinks;
    private final LiveUpdates.Live live;
    private volatile long deviceId;
    private volatile Long vendorId;

    public HouseholdDeviceView(HomePages pages, DeviceService devices, UnlinkService unlinks, CurrentUser currentUser,
                               LiveUpdates liveUpdates) {
        this.pages = pages;
        this.devices = devices;
        this.unlinks = unlinks;
        setId("household-device");
        addClassName("page");
        long household = currentUser.id();
        // its state, its vendor's suspension, and the displays of this home
        live = liveUpdates.follow(this, c -> c.ofAccount(household)
                || c.in("vendor", "suspension") && c.vendor() != null && c.vendor().equals(vendorId), this::render);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        deviceId = id;
        render(Pages.orNotFound(() -> pages.device(id)));
    }

    private void render() {
        render(pages.device(deviceId));
    }

    private void render(HomePages.DevicePage page) {
        HouseholdDeviceDetail detail = page.detail();
        HouseholdDevice d = detail.device();
        vendorId = d.vendorId();
        removeAll();
        add(new ViewHeader(d.name(), d.isPlatformDevice() ? Words.label(d.kind()) : d.vendorName() + " · " + Words.label(d.kind()),
                actions(d)));
        Div facts = new Div();
        facts.addClassName("device-facts");
        facts.add(fact(t("home.device.vendor-id"), detail.vendorDeviceId()),
                fact(t("home.device.since"), Formats.minute(detail.ownerSince())),
                fact(t("home.device.state"), d.state() == DeviceState.CONFLICT ? t("home.device.state-on-hold")
                        : d.state() == DeviceState.DISABLED ? t("home.device.state-off")
                        : Words.label(d.state())));
        if (detail.modelCode() != null) {
            facts.add(fact(t("compatibility.model"), detail.modelCode()));
        }
        add(Cards.of("facts-card", facts));
        if (detail.modelCode() != null) {
            add(new WorksWithSection(page.worksWith()));
        }
        if (d.kind().showsImages()) {
            add(whereShown(page, d), accessHistory(page, d));
        }
        add(new RouterLink(t("home.back"), MyHomeView.class));
        live.rendered();
    }

    private Component[] actions(HouseholdDevice d) {
        boolean off = d.state() == DeviceState.DISABLED;
        Button onOff = new Button(off ? t("home.device.turn-on") : t("home.device.turn-off"), VaadinIcon.POWER_OFF.create(), e -> {
            if (off) {
                Actions.run(() -> devices.enableMine(d.id()), t("home.device.on-again", d.name()));
            } else {
                Actions.run(() -> devices.disableMine(d.id()), t("home.device.off", d.name()));
            }
            render();
        });
        onOff.setId(off ? "device-enable" : "device-disable");
        onOff.setTooltipText(t(off ? "home.device.turn-on-tooltip" : "home.device.turn-off-tooltip"));
        onOff.addThemeVariants(off ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        if (d.isPlatformDevice()) {
            return new Component[] {onOff};
        }
        Button unlink = new Button(t("home.device.unlink"), VaadinIcon.UNLINK.create(), e -> new ConfirmUnlinkDialog(
                t("home.unlink.device-title", d.name()), d.vendorName(), List.of(d.name()), false,
                () -> unlinks.unlinkDevice(d.id())).open());
        unlink.setId("device-unlink");
        unlink.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new Component[] {onOff, unlink};
    }

    private Div whereShown(HomePages.DevicePage page, HouseholdDevice d) {
        HouseholdDeviceDetail detail = page.detail();
        H2 title = new H2(t("home.device.where"));
        title.addClassName("section-title");
        Div section = new Div(title, new Paragraph(t("home.device.where-only")));
        String names = detail.mayBeShownOn().stream().map(HouseholdDevice::name).collect(Collectors.joining(", "));
        String limited = page.notice() == null || names.isEmpty() ? null : page.notice().imagesLine(Words.pageLocale(), names);
        Paragraph reason = new Paragraph(limited);
        reason.setId("shown-while-suspended");
        UnorderedList list = new UnorderedList();
        list.setId("may-be-shown-on");
        detail.mayBeShownOn().forEach(display -> list.add(new ListItem(display.name())));
        if (d.state() == DeviceState.DISABLED) {
            reason.setText(t("home.device.nowhere-off"));
            section.add(reason);
        } else if (d.state() == DeviceState.CONFLICT) {
            reason.setText(t("home.device.nowhere-held"));
            section.add(reason);
        } else if (d.linkNeedsRelink()) {
            reason.setText(t("home.device.nowhere-relink", d.vendorName()));
            section.add(reason);
        } else if (detail.mayBeShownOn().isEmpty() && page.worksWith().stream()
                .anyMatch(w -> w.status() == io.bridgekeeper.compatibility.CertificationStatus.REVOKED)) {
            reason.setText(t("home.device.nowhere-not-certified"));
            section.add(reason);
        } else if (detail.mayBeShownOn().isEmpty()) {
            section.add(new Paragraph(t("home.device.no-display")));
        } else if (limited != null && limited.equals(page.notice().imagesLine(Words.pageLocale(), ""))) {
            section.add(reason);
        } else if (limited != null) {
            section.add(reason, list);
        } else {
            section.add(list);
        }
        return section;
    }

    /** Who asked for the device, in plain words, from the decision API's own answers. */
    private Div accessHistory(HomePages.DevicePage page, HouseholdDevice d) {
        H2 title = new H2(t("home.device.who-asked"));
        title.addClassName("section-title");
        Div section = new Div(title, muted(t("home.device.history-kept", String.valueOf(page.accessKeptFor().toDays()))));
        section.setId("access-history");
        if (page.access().isEmpty()) {
            section.add(new Paragraph(t("home.device.no-requests")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("access-list");
        for (AccessHistory.Entry e : page.access()) {
            Span when = new Span(Formats.minute(e.lastAt()));
            when.addClassName("muted");
            Span what = new Span(AccessWords.line(e, d.vendorName()));
            ListItem item = new ListItem(when, what);
            item.addClassName(e.shown() ? "access-shown" : "access-refused");
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private static Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("muted");
        Span v = new Span(value);
        Div fact = new Div(l, v);
        fact.addClassName("fact");
        return fact;
    }
}
