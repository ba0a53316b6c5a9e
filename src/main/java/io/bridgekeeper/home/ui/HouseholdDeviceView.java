package io.bridgekeeper.home.ui;

import java.util.stream.Collectors;
import io.bridgekeeper.home.HomePages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceState;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.device.HouseholdDeviceDetail;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/**
 * One of the household's devices. Another home's device id shows "Page not available", the same as
 * an id that does not exist: the service refuses it, and the view does not reveal which.
 */
@Route("home/devices")
@PageTitle("Device · Bridgekeeper")
@RolesAllowed(Roles.END_USER)
public class HouseholdDeviceView extends VerticalLayout implements HasUrlParameter<Long> {

    private final HomePages pages;

    public HouseholdDeviceView(HomePages pages) {
        this.pages = pages;
        setId("household-device");
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long deviceId) {
        HomePages.DevicePage page = Pages.orNotFound(() -> pages.device(deviceId));
        HouseholdDeviceDetail detail = page.detail();
        HouseholdDevice d = detail.device();
        removeAll();
        add(new ViewHeader(d.name(), d.vendorName() + " · " + d.kind().label()));
        Div facts = new Div();
        facts.addClassName("device-facts");
        facts.add(fact("Vendor's device id", detail.vendorDeviceId()),
                fact("In your home since", Formats.minute(detail.ownerSince())),
                fact("State", d.state() == DeviceState.CONFLICT ? "On hold: a move to another home waits for consent"
                        : d.state().label()));
        add(Cards.of("facts-card", facts));
        if (d.kind().showsImages()) {
            H2 title = new H2("Where it may be shown");
            title.addClassName("section-title");
            UnorderedList list = new UnorderedList();
            list.setId("may-be-shown-on");
            detail.mayBeShownOn().forEach(display -> list.add(new ListItem(display.name())));
            String names = detail.mayBeShownOn().stream().map(HouseholdDevice::name).collect(Collectors.joining(", "));
            String limited = page.notice() == null || names.isEmpty() ? null : page.notice().imagesLine(names);
            Paragraph suspended = new Paragraph(limited);
            suspended.setId("shown-while-suspended");
            add(title, new Paragraph("Only the displays of your own home; never another household's."),
                    detail.mayBeShownOn().isEmpty() ? new Paragraph("No display in your home.")
                    : limited != null && limited.startsWith("Not shown") ? suspended
                    : limited != null ? new Div(suspended, list) : list);
        }
        add(new RouterLink("Back to My home", MyHomeView.class));
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
