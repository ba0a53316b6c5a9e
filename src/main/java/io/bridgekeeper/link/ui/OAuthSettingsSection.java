package io.bridgekeeper.link.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.link.ConnectionCheck;
import io.bridgekeeper.link.OAuthLinkService;
import io.bridgekeeper.link.OAuthSettings;
import io.bridgekeeper.vendor.VendorAccess;
import java.util.List;
import java.util.Map;

/**
 * On a vendor's page (admins and the vendor's partner managers): how households link this vendor's
 * accounts, by one-time code or by OAuth 2.0 with the vendor's authorization server; its settings (the
 * client secret is never shown), "Test connection", and what needs attention: links the vendor stopped
 * renewing and revocations it has not confirmed.
 */
@org.springframework.stereotype.Component
class OAuthSettingsSection implements io.bridgekeeper.vendor.VendorPageSection {

    private final OAuthLinkService oauth;
    private final VendorAccess access;
    private final CurrentUser currentUser;

    OAuthSettingsSection(OAuthLinkService oauth, VendorAccess access, CurrentUser currentUser) {
        this.oauth = oauth;
        this.access = access;
        this.currentUser = currentUser;
    }

    @Override
    public Component render(long vendorId) {
        if (!access.mayManage(vendorId)) {
            return null;
        }
        Card card = Cards.of("oauth-card");
        card.setId("vendor-oauth");
        card.setWidthFull();
        Div body = new Div();
        body.setWidthFull();
        card.add(body);
        fill(body, vendorId);
        return card;
    }

    private void fill(Div body, long vendorId) {
        body.removeAll();
        OAuthSettings settings = oauth.settings(vendorId);
        boolean byOAuth = settings != null && settings.enabled();
        Badge method = new Badge(byOAuth ? t("link.oauth.method-oauth") : t("link.oauth.method-code"),
                byOAuth ? "success" : "contrast");
        method.setId("oauth-method");
        H3 title = new H3(t("link.oauth.title"));
        Div head = new Div(title, method);
        head.addClassName("card-head");
        body.add(head, new Paragraph(byOAuth ? t("link.oauth.text-oauth") : t("link.oauth.text-code")));
        Map<String, Long> health = settings == null ? Map.of() : oauth.health(vendorId);
        if (settings != null) {
            body.add(fact(t("link.oauth.authorization-uri"), settings.authorizationUri()),
                    fact(t("link.oauth.token-uri"), settings.tokenUri()),
                    fact(t("link.oauth.revocation-uri"), settings.revocationUri() == null ? t("link.oauth.none")
                            : settings.revocationUri()),
                    fact(t("link.oauth.devices-uri"), settings.devicesUri()),
                    fact(t("link.oauth.client-id"), settings.clientId()),
                    fact(t("link.oauth.scopes"), settings.scopes().isEmpty() ? t("link.oauth.none")
                            : String.join(" ", settings.scopes())),
                    fact(t("link.oauth.pkce"), settings.pkce() ? t("link.oauth.yes") : t("link.oauth.no")));
            Paragraph watch = new Paragraph(t("link.oauth.health", String.valueOf(health.get("links")),
                    String.valueOf(health.get("needsRelink")), String.valueOf(health.get("revocationsOpen")),
                    String.valueOf(health.get("revocationsFailed"))));
            watch.setId("oauth-health");
            if (health.get("revocationsFailed") > 0 || health.get("needsRelink") > 0) {
                watch.addClassName("text-warning");
            }
            body.add(watch);
        }
        Div checks = new Div();
        checks.setId("oauth-checks");
        checks.addClassName("oauth-checks");
        Button edit = new Button(settings == null ? t("link.oauth.set-up") : t("link.oauth.edit"), VaadinIcon.EDIT.create(),
                e -> new OAuthSettingsDialog(oauth, vendorId, settings, () -> fill(body, vendorId)).open());
        edit.setId("oauth-edit");
        Button test = new Button(t("link.oauth.test"), VaadinIcon.PLUG.create(), e -> showChecks(checks,
                oauth.testConnection(vendorId)));
        test.setId("oauth-test");
        test.setEnabled(settings != null);
        HorizontalLayout buttons = new HorizontalLayout(edit, test);
        if (settings != null && currentUser.isAdmin() && health.get("revocationsFailed") > 0) {
            Button retry = new Button(t("link.oauth.retry-revocations"), VaadinIcon.REFRESH.create(), e -> {
                int n = oauth.retryFailedRevocations(vendorId);
                Notifications.success(t("link.oauth.retried", String.valueOf(n)));
                fill(body, vendorId);
            });
            retry.setId("oauth-retry-revocations");
            buttons.add(retry);
        }
        buttons.addClassName("compat-actions");
        body.add(buttons, checks);
    }

    private static void showChecks(Div checks, List<ConnectionCheck> results) {
        checks.removeAll();
        for (ConnectionCheck c : results) {
            Badge state = new Badge(c.ok() ? t("link.oauth.check-ok") : t("link.oauth.check-failed"),
                    c.ok() ? "success" : "error");
            Span what = new Span(t("link.oauth.endpoint." + c.endpoint()));
            what.addClassName("step-title");
            Span answer = new Span(c.answer());
            answer.addClassName("muted");
            Div line = new Div(state, what, answer);
            line.setId("oauth-check-" + c.endpoint());
            line.addClassName("oauth-check");
            checks.add(line);
        }
    }

    private static Div fact(String label, String value) {
        Span name = new Span(label + ": ");
        name.addClassName("muted");
        Span v = new Span(value);
        v.addClassName("oauth-value");
        return new Div(name, v);
    }
}
