package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.decision.ServiceCredentialRow;
import io.bridgekeeper.decision.ServiceCredentialService;

/**
 * Revoking a credential cuts off whichever service still uses it, on every node: the dialog names
 * the credential (name and key prefix, when it was last used) and says so before anything happens.
 */
class RevokeCredentialDialog extends Dialog {

    RevokeCredentialDialog(ServiceCredentialRow c, ServiceCredentialService credentials, Runnable revoked) {
        setId("revoke-credential-dialog");
        setHeaderTitle(t("decision.revoke.title"));
        setWidth("min(560px, 95vw)");

        String key = "bkd_" + c.keyPrefix() + "_…";
        Div target = new Div(line(t("decision.name"), c.name(), "revoke-credential-name", false),
                line(t("decision.key"), key, "revoke-credential-key", true),
                line(t("decision.created"), t("decision.at-by", Formats.minute(c.createdAt()), ServiceCredentialsPanel.who(c.createdBy())),
                        null, false),
                line(t("decision.last-used"), c.lastUsedAt() == null ? t("decision.never-lower") : Formats.minute(c.lastUsedAt()),
                        "revoke-credential-last-used", false));
        target.addClassName("revoke-target");

        UnorderedList effects = new UnorderedList(
                new ListItem(t("decision.revoke.refused")),
                new ListItem(c.lastUsedAt() == null ? t("decision.revoke.never-used")
                        : t("decision.revoke.used", Formats.minute(c.lastUsedAt()))),
                new ListItem(t("decision.revoke.final")));
        effects.setId("revoke-credential-effect");
        effects.addClassName("consequences");
        add(target, effects);

        Button confirm = new Button(t("decision.revoke.confirm"));
        confirm.addClickListener(e -> {
            // a refusal (e.g. another admin revoked it meanwhile) is said, and the list shows it as it is now;
            // anything else is reported by the view error handler, with the dialog still open to cancel
            try {
                Actions.run(() -> credentials.revoke(c.id()),
                        t("decision.revoke.done", c.name(), key));
            } finally {
                confirm.setEnabled(true);
            }
            close();
            revoked.run();
        });
        confirm.setId("revoke-credential-confirm");
        confirm.setDisableOnClick(true);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("revoke-credential-cancel");
        getFooter().add(cancel, confirm);
    }

    private static Div line(String label, String value, String id, boolean mono) {
        Span name = new Span(label);
        name.addClassName("revoke-target-label");
        Span text = new Span(value);
        if (id != null) {
            text.setId(id);
        }
        text.addClassName("revoke-target-value");
        if (mono) {
            text.addClassName("mono");
        }
        return new Div(name, text);
    }
}
