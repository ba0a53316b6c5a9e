package io.bridgekeeper.base.ui;

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

/**
 * The frame of every signed-in page. The menu comes from the routes' own {@code @Menu} metadata,
 * which Vaadin already filters by the signed-in user's access: this class imports no view.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()), userFooter(authentication));
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        viewTitle.addClassName("navbar-title");
        viewTitle.setId("navbar-title");
        addToNavbar(true, toggle, viewTitle);
        // on a phone the drawer overlays the page: start closed, open on the toggle
        getElement().addPropertyChangeListener("overlay", "overlay-changed", e -> {
            if (isOverlay()) {
                setDrawerOpened(false);
            }
        });
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (isOverlay()) {
            setDrawerOpened(false);
        }
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse("Bridgekeeper")
                .replace(" · Bridgekeeper", ""));
    }

    private static Div brand() {
        Span name = new Span("Bridgekeeper");
        name.addClassName("brand-name");
        Div brand = new Div(VaadinIcon.SHIELD.create(), name);
        brand.addClassName("brand");
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null || entry.icon().isBlank()
                    ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), icon(entry.icon()));
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
            Span role = new Span(user.roleLabel());
            role.setId("current-user-role");
            role.addClassName("user-role");
            Div who = new Div(name, role);
            who.addClassName("user-who");
            Button logout = new Button(VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
            logout.setId("logout");
            logout.setAriaLabel("Sign out");
            logout.setTooltipText("Sign out");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            footer.add(avatar, who, logout);
        });
        return footer;
    }
}
