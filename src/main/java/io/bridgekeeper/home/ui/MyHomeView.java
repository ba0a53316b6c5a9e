package io.bridgekeeper.home.ui;

import com.vaadin.flow.component.UI;
import io.bridgekeeper.link.LinkableVendor;
import io.bridgekeeper.link.OAuthNotice;
import com.vaadin.flow.server.VaadinSession;
import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.link.ReceiptSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import io.bridgekeeper.base.ui.Words;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.device.DeviceKind;
import io.bridgekeeper.device.DeviceMoveService;
import io.bridgekeeper.device.DeviceState;
import io.bridgekeeper.device.PendingMove;
import io.bridgekeeper.device.DeviceRef;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.home.HomePages.HomePage;
import io.bridgekeeper.home.HomePages;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.LinkedAccount;
import io.bridgekeeper.link.UnlinkPreview;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.SuspensionNotice;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A household's home: its linked vendor accounts as cards, its devices grouped by vendor, and for
 * each camera the displays it may be shown on (only this home's). Linking starts here; unlinking an
 * account or a device is confirmed with a list of what will happen, and ends on its receipt. The
 * household disables and enables its own devices here, confirms a device a vendor moved into its
 * account, and is told when a vendor lists one of its devices under another household's account.
 */
@Route("home")
@Menu(title = "My home", order = 20, icon = "vaadin:home")
@RolesAllowed(Roles.END_USER)
public class MyHomeView extends VerticalLayout implements HasDynamicTitle {

    private final LinkService links;
    private final DeviceService devices;
    private final UnlinkService unlinks;
    private final HomePages pages;
    private final DeviceMoveService moves;
    private Map<Long, SuspensionNotice> notices = Map.of();
    private Map<Long, PendingMove> heldOfMine = Map.of();

    private final LiveUpdates.Live live;
    /** The vendors on the page, whose suspensions change what it says. */
    private volatile Set<Long> shownVendors = Set.of();

    public MyHomeView(LinkService links, DeviceService devices, UnlinkService unlinks, HomePages pages,
                      DeviceMoveService moves, CurrentUser currentUser, LiveUpdates liveUpdates) {
        this.links = links;
        this.devices = devices;
        this.unlinks = unlinks;
        this.pages = pages;
        this.moves = moves;
        setId("my-home");
        addClassName("page");
        long household = currentUser.id();
        // a vendor completing a link, devices arriving or moving, a suspension of one of its vendors
        live = liveUpdates.follow(this, c -> c.ofAccount(household)
                || c.in("vendor", "suspension") && c.vendor() != null && shownVendors.contains(c.vendor()), this::render);
        render();
    }

    @Override
    public String getPageTitle() {
        return t("home.title") + " · Bridgekeeper";
    }

    /** Builds the page from the services' answers; again after each change the household makes here. */
    private void render() {
        removeAll();
        Button link = new Button(t("home.link.title"), VaadinIcon.LINK.create(), e -> new LinkVendorDialog(links).open());
        link.setId("link-vendor");
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new ViewHeader(t("home.title"), t("home.subtitle"), link));
        oauthNotice();

        HomePage page = pages.page();
        List<LinkedAccount> myLinks = page.links();
        List<HouseholdDevice> mine = page.devices();
        notices = page.notices();
        List<PendingMove> pending = page.pendingMoves();
        Set<Long> vendors = new HashSet<>();
        myLinks.forEach(l -> vendors.add(l.vendorId()));
        mine.stream().map(HouseholdDevice::vendorId).filter(java.util.Objects::nonNull).forEach(vendors::add);
        shownVendors = Set.copyOf(vendors);
        heldOfMine = pending.stream().filter(m -> !m.incoming())
                .collect(Collectors.toMap(PendingMove::deviceId, m -> m, (x, y) -> x));
        List<PendingMove> incoming = pending.stream().filter(PendingMove::incoming).toList();
        if (!incoming.isEmpty()) {
            H2 movesTitle = new H2(t("home.pending-moves"));
            movesTitle.addClassName("section-title");
            Div moveCards = new Div();
            moveCards.setId("pending-moves");
            moveCards.addClassName("card-grid");
            incoming.forEach(m -> moveCards.add(moveCard(m)));
            add(movesTitle, moveCards);
        }

        H2 linksTitle = new H2(t("home.linked-accounts"));
        linksTitle.addClassName("section-title");
        Div cards = new Div();
        cards.setId("linked-accounts");
        cards.addClassName("card-grid");
        for (LinkedAccount account : myLinks) {
            cards.add(linkCard(account));
        }
        if (myLinks.isEmpty()) {
            cards.add(new Paragraph(t("home.no-links")));
        }
        add(linksTitle, cards);

        List<HouseholdDevice> displays = mine.stream()
                .filter(d -> d.kind() == DeviceKind.DISPLAY && d.state() == DeviceState.ACTIVE).toList();
        Map<String, List<HouseholdDevice>> byVendor = new LinkedHashMap<>();
        for (HouseholdDevice d : mine) {
            byVendor.computeIfAbsent(d.vendorName(), k -> new ArrayList<>()).add(d);
        }
        H2 devicesTitle = new H2(t("home.devices"));
        devicesTitle.addClassName("section-title");
        Div groups = new Div();
        groups.setId("device-groups");
        groups.addClassName("device-groups");
        byVendor.forEach((vendor, list) -> groups.add(deviceGroup(vendor, list, displays)));
        add(devicesTitle, groups);

        if (!page.receipts().isEmpty()) {
            H2 receiptsTitle = new H2(t("home.receipts"));
            receiptsTitle.addClassName("section-title");
            Div receipts = new Div();
            receipts.setId("receipts");
            receipts.addClassName("receipt-list");
            page.receipts().forEach(r -> receipts.add(receiptLine(r)));
            add(receiptsTitle, receipts);
        }
        live.rendered();
    }

    /**
     * What happened at the vendor's sign-in, once: linked (with how many devices came) or why nothing
     * changed. It waits in the session from the callback until this page shows it.
     */
    private void oauthNotice() {
        VaadinSession session = VaadinSession.getCurrent();
        Object value = session == null ? null : session.getSession().getAttribute(OAuthNotice.SESSION_ATTRIBUTE);
        if (!(value instanceof OAuthNotice notice)) {
            return;
        }
        session.getSession().removeAttribute(OAuthNotice.SESSION_ATTRIBUTE);
        Div box = new Div();
        box.setId("oauth-notice");
        box.addClassNames("oauth-notice", notice.linked() ? "notice-success" : "notice-error");
        box.add(notice.linked() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.WARNING.create());
        box.add(new Span(notice.linked() ? t("home.oauth.linked", notice.vendorName(), String.valueOf(notice.devices()))
                : notice.problem().in(Words.pageLocale())));
        add(box);
    }

    /** One receipt, linked to its page: what was unlinked from which vendor, and when. */
    private static Div receiptLine(ReceiptSummary r) {
        String what = r.deviceOnly() ? t("home.receipt-line.devices", String.join(", ", r.deviceNames()), r.vendorName())
                : t("home.receipt-line.account", r.vendorName(), r.externalAccountId());
        RouterLink open = new RouterLink(what, UnlinkReceiptView.class, r.id());
        Span when = new Span(Formats.minute(r.endedAt()));
        when.addClassName("muted");
        Div line = new Div(open, when);
        line.setId("receipt-" + r.id());
        line.addClassName("receipt-line");
        return line;
    }

    private Card linkCard(LinkedAccount link) {
        H3 name = new H3(link.vendorName());
        Span account = new Span(t("home.link-card.account", link.externalAccountId()));
        account.addClassName("muted");
        Span since = new Span(t("home.link-card.since", Formats.day(link.linkedAt())));
        since.addClassName("muted");
        SuspensionNotice notice = notices.get(link.vendorId());
        Badge state = link.needsRelink() ? new Badge(t("home.link-card.needs-relink"), "error")
                : notice == null ? new Badge(t("home.link-card.linked"), "success")
                : notice.partial() ? new Badge(t("home.link-card.partly-suspended"), "warning")
                : new Badge(t("enum.VendorStatus.SUSPENDED"), "error");
        state.setId("link-state-" + link.vendorSlug());
        Card card = Cards.of("link-card", name, state, account, since);
        if (link.oauth()) {
            Span how = new Span(t("home.link-card.by-oauth", link.vendorName()));
            how.addClassName("muted");
            card.add(how);
        }
        if (link.needsRelink()) {
            Paragraph why = new Paragraph(t("home.link-card.relink-why", link.vendorName()));
            why.setId("relink-why-" + link.vendorSlug());
            Button again = new Button(t("home.link-card.relink", link.vendorName()), VaadinIcon.LINK.create(),
                    e -> UI.getCurrent().getPage().setLocation(LinkableVendor.oauthStartPath(link.vendorSlug())));
            again.setId("relink-" + link.vendorSlug());
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            card.add(why, again);
        }
        if (notice != null) {
            card.add(suspensionNotice("notice-" + link.vendorSlug(), notice));
        }
        Button unlink = new Button(t("home.unlink"), e -> confirmAccount(link.linkId()));
        unlink.setId("unlink-link-" + link.linkId());
        unlink.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
        unlink.addClassName("card-action");
        card.add(unlink);
        card.setId("link-" + link.vendorSlug());
        return card;
    }

    private void confirmAccount(long linkId) {
        UnlinkPreview preview = unlinks.preview(linkId);
        new ConfirmUnlinkDialog(t("home.unlink.account-title", preview.vendorName()), preview.vendorName(),
                preview.devices().stream().map(DeviceRef::name).toList(), true, () -> unlinks.unlink(linkId)).open();
    }

    private Card deviceGroup(String vendor, List<HouseholdDevice> list, List<HouseholdDevice> displays) {
        // devices of the platform itself (its displays) have no vendor: "Platform" in the page's language
        H3 title = new H3(list.get(0).isPlatformDevice() ? t("device.search.platform") : vendor);
        Div rows = new Div();
        rows.addClassName("device-list");
        for (HouseholdDevice d : list) {
            RouterLink name = new RouterLink(d.name(), HouseholdDeviceView.class, d.id());
            name.addClassName("device-name");
            Span kind = new Span(Words.label(d.kind()));
            kind.addClassName("muted");
            Div line = new Div(icon(d.kind()), name, kind);
            line.addClassName("device-line");
            if (d.state() == DeviceState.DISABLED) {
                line.add(new Badge(t("enum.DeviceState.DISABLED"), "contrast"));
            } else if (d.state() == DeviceState.CONFLICT) {
                line.add(new Badge(t("home.on-hold"), "error"));
            }
            line.add(onOffButton(d));
            if (!d.isPlatformDevice()) {
                Button unlink = new Button(VaadinIcon.UNLINK.create(), e -> new ConfirmUnlinkDialog(
                        t("home.unlink.device-title", d.name()), d.vendorName(), List.of(d.name()), false,
                        () -> unlinks.unlinkDevice(d.id())).open());
                unlink.setId("unlink-device-" + d.id());
                unlink.setAriaLabel(t("home.unlink.device-aria", d.name()));
                unlink.setTooltipText(t("home.unlink.device-tooltip"));
                unlink.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
                line.add(unlink);
            }
            Div row = new Div(line);
            row.addClassName("device-row");
            row.setId("device-" + d.id());
            PendingMove held = heldOfMine.get(d.id());
            if (held != null) {
                row.add(heldNotice(held));
            }
            if (d.kind().showsImages()) {
                String names = displays.stream().map(HouseholdDevice::name).collect(Collectors.joining(", "));
                SuspensionNotice suspended = d.vendorId() == null ? null : notices.get(d.vendorId());
                String limited = suspended == null || displays.isEmpty() ? null : suspended.imagesLine(Words.pageLocale(), names);
                Span shown = new Span(d.state() == DeviceState.DISABLED ? t("home.shown.disabled")
                        : d.state() == DeviceState.CONFLICT ? t("home.shown.on-hold")
                        : d.linkNeedsRelink() ? t("home.shown.needs-relink", d.vendorName())
                        : displays.isEmpty() ? t("home.shown.no-display")
                        : limited != null ? limited
                        : t("home.shown.may", names));
                shown.addClassName("may-show");
                shown.setId("may-show-" + d.id());
                row.add(shown);
            }
            rows.add(row);
        }
        Card group = Cards.of("device-group", title);
        SuspensionNotice notice = list.get(0).vendorId() == null ? null : notices.get(list.get(0).vendorId());
        if (notice != null) {
            group.add(suspensionNotice("device-notice-" + list.get(0).vendorId(), notice));
        }
        group.add(rows);
        return group;
    }

    /** Disable or enable: the household's own switch for the device, kept through everything else. */
    private Button onOffButton(HouseholdDevice d) {
        boolean disabled = d.state() == DeviceState.DISABLED;
        Button b = new Button(VaadinIcon.POWER_OFF.create(), e -> {
            if (disabled) {
                Actions.run(() -> devices.enableMine(d.id()), t("home.device.enabled", d.name()));
            } else {
                Actions.run(() -> devices.disableMine(d.id()),
                        t("home.device.disabled", d.name()));
            }
            render();
        });
        b.setId((disabled ? "enable-device-" : "disable-device-") + d.id());
        b.setAriaLabel(t(disabled ? "home.device.enable-aria" : "home.device.disable-aria", d.name()));
        b.setTooltipText(disabled ? t("home.device.enable-tooltip") : t("home.device.disable-tooltip"));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON,
                disabled ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_CONTRAST);
        b.addClassName("device-switch");
        return b;
    }

    /** A device the vendor lists under another household's account: this home is told it is held. */
    private static Div heldNotice(PendingMove m) {
        Span text = new Span(t("home.held.text", m.vendorName()));
        Span what = new Span(t("home.held.unexpected"));
        what.addClassName("muted");
        Div box = new Div(VaadinIcon.WARNING.create(), new Div(text, what));
        box.addClassName("household-notice");
        box.setId("move-notice-" + m.deviceId());
        return box;
    }

    /** A device the vendor lists under this household's account while another household owns it. */
    private Card moveCard(PendingMove m) {
        H3 name = new H3(m.deviceName());
        Span what = new Span(m.vendorName() + " · " + Words.label(m.kind()));
        what.addClassName("muted");
        Span since = new Span(t("home.move-card.since", m.externalAccountId(), Formats.minute(m.requestedAt().toInstant())));
        since.addClassName("muted");
        Paragraph explain = new Paragraph(t("home.move-card.explain"));
        Button review = new Button(t("home.move-card.review"), e -> new ConfirmMoveDialog(m, displayNames(), () -> {
            Actions.run(() -> moves.confirm(m.id()), t("home.move-card.done", m.deviceName()));
            render();
        }).open());
        review.setId("review-move-" + m.id());
        review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Card card = Cards.of("move-card", name, new Badge(t("home.move-card.badge"), "warning"), what, since, explain, review);
        card.setId("move-" + m.id());
        return card;
    }

    private List<String> displayNames() {
        return devices.myDevices().stream().filter(d -> d.kind() == DeviceKind.DISPLAY && d.state() == DeviceState.ACTIVE)
                .map(HouseholdDevice::name).toList();
    }

    /** "Suspended by the platform …" in plain words: the household's own device choices stay as they are. */
    private static Div suspensionNotice(String id, SuspensionNotice notice) {
        Span text = new Span(notice.message(Words.pageLocale()));
        Span when = new Span(notice.expectedRestoration() == null ? t("home.notice.restoration-unknown")
                : t("home.notice.restoration", Formats.minute(notice.expectedRestoration())));
        when.addClassName("muted");
        Div box = new Div(VaadinIcon.WARNING.create(), new Div(text, when));
        box.addClassName("household-notice");
        box.setId(id);
        return box;
    }

    static Icon icon(DeviceKind kind) {
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
