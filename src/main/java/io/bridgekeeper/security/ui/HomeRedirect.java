package io.bridgekeeper.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.PermitAll;

/** "/" sends each role to its own home: admins to the overview, partners to their vendors, households home. */
@Route("")
@PermitAll
public class HomeRedirect extends Div implements BeforeEnterObserver {

    public static final String ADMIN_HOME = "admin";
    public static final String PARTNER_HOME = "partner/vendors";
    public static final String HOUSEHOLD_HOME = "home";

    private final AuthenticationContext authentication;

    public HomeRedirect(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole(Roles.ADMIN)) {
            event.forwardTo(ADMIN_HOME);
        } else if (authentication.hasRole(Roles.PARTNER_MANAGER)) {
            event.forwardTo(PARTNER_HOME);
        } else {
            event.forwardTo(HOUSEHOLD_HOME);
        }
    }
}
