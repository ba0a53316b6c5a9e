package io.bridgekeeper.security.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in for every role. A locked-out user name gets its own message, not the generic one. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The minutes left in the lock-out's English sentence (security.login.locked-text). */
    private static final java.util.regex.Pattern LOCKED_MINUTES = java.util.regex.Pattern.compile("(\\d+) minute");

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
        Paragraph tagline = new Paragraph(t("security.login.tagline"));
        tagline.addClassName("login-tagline");
        Div card = new Div(brand, tagline, login);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public String getPageTitle() {
        return t("security.login.title") + " · Bridgekeeper";
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
                // the message is the English sentence with the minutes left: say it in the page's language
                java.util.regex.Matcher minutes = LOCKED_MINUTES.matcher(String.valueOf(locked.getMessage()));
                return minutes.find() ? t("security.login.locked-text", Long.parseLong(minutes.group(1)))
                        : locked.getMessage();
            }
        }
        return null;
    }

    private static LoginI18n i18n(String lockedMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(t("security.login.title"));
        i18n.getForm().setUsername(t("security.login.email"));
        i18n.getForm().setPassword(t("security.login.password"));
        i18n.getForm().setSubmit(t("security.login.title"));
        i18n.getErrorMessage().setUsername(t("security.login.email-required"));
        i18n.getErrorMessage().setPassword(t("security.login.password-required"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (lockedMessage != null) {
            error.setTitle(t("security.login.locked"));
            error.setMessage(lockedMessage);
        } else {
            error.setTitle(t("security.login.incorrect"));
            error.setMessage(t("security.login.incorrect-text"));
        }
        return i18n;
    }
}
