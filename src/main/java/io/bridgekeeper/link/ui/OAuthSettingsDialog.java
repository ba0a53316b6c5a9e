package io.bridgekeeper.link.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.link.OAuthLinkService;
import io.bridgekeeper.link.OAuthSettings;
import io.bridgekeeper.link.OAuthSettingsForm;
import java.util.Map;

/**
 * The vendor's authorization server: its endpoints, the platform's client id and secret there (the
 * secret is write-only: empty keeps the stored one), the scopes and PKCE, and whether households link
 * this way. A refused field is marked where it is.
 */
class OAuthSettingsDialog extends Dialog {

    OAuthSettingsDialog(OAuthLinkService oauth, long vendorId, OAuthSettings current, Runnable done) {
        setHeaderTitle(t("link.oauth.dialog-title"));
        setId("oauth-dialog");
        setWidth("min(640px, 95vw)");
        Checkbox enabled = new Checkbox(t("link.oauth.enabled"));
        enabled.setId("oauth-enabled");
        TextField authorization = url("oauth-authorization-uri", t("link.oauth.authorization-uri"), true);
        TextField token = url("oauth-token-uri", t("link.oauth.token-uri"), true);
        TextField revocation = url("oauth-revocation-uri", t("link.oauth.revocation-uri"), false);
        revocation.setHelperText(t("link.oauth.revocation-help"));
        TextField devices = url("oauth-devices-uri", t("link.oauth.devices-uri"), true);
        devices.setHelperText(t("link.oauth.devices-help"));
        TextField clientId = new TextField(t("link.oauth.client-id"));
        clientId.setId("oauth-client-id");
        clientId.setRequiredIndicatorVisible(true);
        PasswordField secret = new PasswordField(t("link.oauth.client-secret"));
        secret.setId("oauth-client-secret");
        secret.setRevealButtonVisible(false);
        secret.setHelperText(current == null ? t("link.oauth.secret-help-new") : t("link.oauth.secret-help-keep"));
        secret.setRequiredIndicatorVisible(current == null);
        TextField scopes = new TextField(t("link.oauth.scopes"));
        scopes.setId("oauth-scopes");
        scopes.setHelperText(t("link.oauth.scopes-help"));
        Checkbox pkce = new Checkbox(t("link.oauth.pkce-label"));
        pkce.setId("oauth-pkce");
        pkce.setValue(true);
        if (current != null) {
            enabled.setValue(current.enabled());
            authorization.setValue(current.authorizationUri());
            token.setValue(current.tokenUri());
            revocation.setValue(current.revocationUri() == null ? "" : current.revocationUri());
            devices.setValue(current.devicesUri());
            clientId.setValue(current.clientId());
            scopes.setValue(String.join(" ", current.scopes()));
            pkce.setValue(current.pkce());
        }
        FormLayout form = new FormLayout(enabled, authorization, token, revocation, devices, clientId, secret, scopes, pkce);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(t("link.oauth.save"), e -> {
            OAuthSettingsForm values = new OAuthSettingsForm(enabled.getValue(), authorization.getValue(),
                    token.getValue(), revocation.getValue(), devices.getValue(), clientId.getValue(), secret.getValue(),
                    scopes.getValue(), pkce.getValue());
            if (Actions.run(() -> oauth.saveSettings(vendorId, values), t("link.oauth.saved"),
                    Map.of("authorizationUri", authorization, "tokenUri", token, "revocationUri", revocation,
                            "devicesUri", devices, "clientId", clientId, "clientSecret", secret, "scopes", scopes))) {
                close();
                done.run();
            }
        });
        save.setId("oauth-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private static TextField url(String id, String label, boolean required) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setPlaceholder("https://");
        field.setRequiredIndicatorVisible(required);
        field.setWidthFull();
        return field;
    }
}
