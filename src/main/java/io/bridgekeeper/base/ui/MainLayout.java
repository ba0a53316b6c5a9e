package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.bridgekeeper.base.PortalUser;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame of every signed-in page. The menu comes from the routes' own {@code @Menu} metadata,
 * which Vaadin already filters by the signed-in user's access: this class imports no view.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();
    private final Map<SideNavItem, MenuBadge> badged = new LinkedHashMap<>();

    public MainLayout(AuthenticationContext authentication, ObjectProvider<MenuBadge> badges, LiveUpdates liveUpdates,
                      ObjectProvider<SearchProvider> searches) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation(badges.orderedStream().toList())), userFooter(authentication));
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        viewTitle.addClassName("navbar-title");
        viewTitle.setId("navbar-title");
        addToNavbar(true, toggle, viewTitle);
        // staff find a vendor, a link (household e-mail, vendor account) or a device from any page
        if (authentication.hasAnyRole("ADMIN", "PARTNER_MANAGER")) {
            addToNavbar(true, GlobalSearch.of(searches.orderedStream().toList()));
        }
        // on a phone the drawer overlays the page: start closed, open on the toggle
        getElement().addPropertyChangeListener("overlay", "overlay-changed", e -> {
            if (isOverlay()) {
                setDrawerOpened(false);
            }
        });
        if (!badged.isEmpty()) {
            liveUpdates.follow(this, c -> badged.values().stream().anyMatch(b -> b.follows(c)), this::showBadges);
        }
    }

    /** Every page's content is the one main landmark, beside the drawer's navigation and the navbar. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (isOverlay()) {
            setDrawerOpened(false);
        }
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse("Bridgekeeper")
                .replace(" · Bridgekeeper", ""));
        showBadges();
    }

    /** Asks each badge again; one that cannot count now (the database away) shows nothing rather than fail the page. */
    private void showBadges() {
        badged.forEach((item, badge) -> {
            long n;
            try {
                n = badge.count();
            } catch (RuntimeException e) {
                n = 0;
            }
            Span count = new Span(String.valueOf(n));
            count.getElement().getThemeList().addAll(List.of("badge", "pill", "small", "primary"));
            count.getElement().setAttribute("aria-label", t("base.layout.badge-waiting", String.valueOf(n)));
            count.setId("menu-badge-" + badge.path().replace('/', '-'));
            item.setSuffixComponent(n > 0 ? count : null);
        });
    }

    private static Div brand() {
        Span name = new Span("Bridgekeeper");
        name.addClassName("brand-name");
        Div brand = new Div(VaadinIcon.SHIELD.create(), name);
        brand.addClassName("brand");
        return brand;
    }

    private SideNav navigation(List<MenuBadge> badges) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().replaceAll("^/+", "");
            // the menu speaks the page's language: key menu.<path>, the route's English title where none
            String title = Words.tOr("menu." + path.replace('/', '.'), entry.title());
            SideNavItem item = entry.icon() == null || entry.icon().isBlank()
                    ? new SideNavItem(title, entry.path())
                    : new SideNavItem(title, entry.path(), icon(entry.icon()));
            badges.stream().filter(b -> b.path().equals(path)).findFirst().ifPresent(b -> badged.put(item, b));
            nav.addItem(item);
        }
        return nav;
    }

    private static com.vaadin.flow.component.Component icon(String name) {
        return name.startsWith("vaadin:")
                ? VaadinIcon.valueOf(name.substring(7).toUpperCase().replace('-', '_')).create()
                : new SvgIcon(name);
    }

    private static Div userFooter(AuthenticationContext authentication) {
        Div footer = new Div();
        footer.addClassName("user-footer");
        authentication.getAuthenticatedUser(PortalUser.class).ifPresent(user -> {
            Avatar avatar = new Avatar(user.displayName());
            Span name = new Span(user.displayName());
            name.setId("current-user-name");
            name.addClassName("user-name");
            Span role = new Span(Words.ofPage().get(user.roleKey()));
            role.setId("current-user-role");
            role.addClassName("user-role");
            Div who = new Div(name, role);
            who.addClassName("user-who");
            Button logout = new Button(VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
            logout.setId("logout");
            logout.setAriaLabel(t("base.layout.sign-out"));
            logout.setTooltipText(t("base.layout.sign-out"));
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            footer.add(avatar, who, logout);
        });
        return footer;
    }
}
