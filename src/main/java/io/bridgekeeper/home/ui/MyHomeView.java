package io.bridgekeeper.home.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceKind;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.LinkedAccount;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.SuspensionNotice;
import io.bridgekeeper.vendor.SuspensionService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A household's home: its linked vendor accounts and its devices, grouped by vendor. */
@Route("home")
@PageTitle("My home · Bridgekeeper")
@Menu(title = "My home", order = 20, icon = "vaadin:home")
@RolesAllowed(Roles.END_USER)
public class MyHomeView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneId.systemDefault());

    public MyHomeView(LinkService links, DeviceService devices, SuspensionService suspensions) {
        setId("my-home");
        addClassName("page");
        add(new ViewHeader("My home", "Your linked vendor accounts and the devices that came with them"));

        List<LinkedAccount> myLinks = links.myLiveLinks();
        List<HouseholdDevice> myDevices = devices.myDevices();
        Set<Long> vendorIds = new HashSet<>();
        myLinks.forEach(l -> vendorIds.add(l.vendorId()));
        myDevices.stream().filter(d -> d.vendorId() != null).forEach(d -> vendorIds.add(d.vendorId()));
        Map<Long, SuspensionNotice> notices = suspensions.noticesFor(vendorIds);
        H2 linksTitle = new H2("Linked accounts");
        linksTitle.addClassName("section-title");
        Div cards = new Div();
        cards.setId("linked-accounts");
        cards.addClassName("card-grid");
        for (LinkedAccount link : myLinks) {
            cards.add(linkCard(link, notices.get(link.vendorId())));
        }
        if (myLinks.isEmpty()) {
            cards.add(new Paragraph("No vendor account is linked yet."));
        }
        add(linksTitle, cards);

        Map<String, List<HouseholdDevice>> byVendor = new LinkedHashMap<>();
        for (HouseholdDevice d : myDevices) {
            byVendor.computeIfAbsent(d.vendorName(), k -> new ArrayList<>()).add(d);
        }
        H2 devicesTitle = new H2("Devices");
        devicesTitle.addClassName("section-title");
        Div groups = new Div();
        groups.setId("device-groups");
        groups.addClassName("device-groups");
        byVendor.forEach((vendor, list) -> groups.add(deviceGroup(vendor, list,
                list.get(0).vendorId() == null ? null : notices.get(list.get(0).vendorId()))));
        add(devicesTitle, groups);
    }

    /** "Suspended by the platform …": the household's own device choices stay as they are. */
    private static Div suspensionNotice(String id, SuspensionNotice notice) {
        Span text = new Span(notice.message());
        Span when = new Span(notice.expectedRestoration() == null ? "Expected restoration: not known yet."
                : "Expected back: " + Formats.minute(notice.expectedRestoration()) + ".");
        when.addClassName("muted");
        Div box = new Div(VaadinIcon.WARNING.create(), new Div(text, when));
        box.addClassName("household-notice");
        box.setId(id);
        return box;
    }

    private static Div linkCard(LinkedAccount link, SuspensionNotice notice) {
        H3 name = new H3(link.vendorName());
        Span account = new Span("Account " + link.externalAccountId());
        account.addClassName("muted");
        Span since = new Span("Linked since " + DATE.format(link.linkedAt()));
        since.addClassName("muted");
        Div card = new Div(name, notice == null ? new Badge("Linked", "success") : new Badge("Suspended", "error"),
                account, since);
        if (notice != null) {
            card.add(suspensionNotice("notice-" + link.vendorSlug(), notice));
        }
        card.addClassNames("card", "link-card");
        card.setId("link-" + link.vendorSlug());
        return card;
    }

    private static Div deviceGroup(String vendor, List<HouseholdDevice> list, SuspensionNotice notice) {
        H3 title = new H3(vendor);
        Div rows = new Div();
        rows.addClassName("device-list");
        for (HouseholdDevice d : list) {
            Span name = new Span(d.name());
            name.addClassName("device-name");
            Span kind = new Span(d.kind().label());
            kind.addClassName("muted");
            Div row = new Div(icon(d.kind()), name, kind);
            if (!"ACTIVE".equals(d.state())) {
                row.add(new Badge("Disabled", "contrast"));
            }
            row.addClassName("device-row");
            row.setId("device-" + d.id());
            rows.add(row);
        }
        Div group = new Div(title);
        if (notice != null) {
            group.add(suspensionNotice("device-notice-" + list.get(0).vendorId(), notice));
        }
        group.add(rows);
        group.addClassNames("card", "device-group");
        return group;
    }

    private static com.vaadin.flow.component.icon.Icon icon(DeviceKind kind) {
        VaadinIcon icon = switch (kind) {
            case CAMERA, DOORBELL -> VaadinIcon.CAMERA;
            case DISPLAY -> VaadinIcon.DESKTOP;
            case LOCK -> VaadinIcon.LOCK;
            case LIGHT -> VaadinIcon.LIGHTBULB;
            case SENSOR -> VaadinIcon.SIGNAL;
            case THERMOSTAT -> VaadinIcon.SUN_O;
            case PLUG -> VaadinIcon.PLUG;
            case OTHER -> VaadinIcon.CUBE;
        };
        return icon.create();
    }
}
