package io.bridgekeeper.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in for every role. A locked-out user name gets its own message, not the generic one. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Bridgekeeper")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("login-view");
        // the page's one main landmark (it has no main layout around it)
        getElement().setAttribute("role", "main");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(null));

        H1 brand = new H1("Bridgekeeper");
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph("Control plane for smart-home device integrations");
        tagline.addClassName("login-tagline");
        Div card = new Div(brand, tagline, login);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setI18n(i18n(lastFailureMessage()));
            login.setError(true);
        }
    }

    private static String lastFailureMessage() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        // the provider wraps what the account lookup throws; the lock-out is somewhere in the chain
        for (Throwable t = failure instanceof Throwable th ? th : null; t != null; t = t.getCause()) {
            if (t instanceof LockedException locked) {
                return locked.getMessage();
            }
        }
        return null;
    }

    private static LoginI18n i18n(String lockedMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("E-mail");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (lockedMessage != null) {
            error.setTitle("Sign-in locked");
            error.setMessage(lockedMessage);
        } else {
            error.setTitle("Incorrect e-mail or password");
            error.setMessage("Check that you entered the right e-mail and password and try again.");
        }
        return i18n;
    }
}
