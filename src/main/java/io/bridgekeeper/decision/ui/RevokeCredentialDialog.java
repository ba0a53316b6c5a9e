package io.bridgekeeper.decision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.decision.ServiceCredentialRow;
import io.bridgekeeper.decision.ServiceCredentialService;

/** Revoking a credential cuts off whichever data plane still uses it, on every node: say so first. */
class RevokeCredentialDialog extends Dialog {

    RevokeCredentialDialog(ServiceCredentialRow c, ServiceCredentialService credentials, Runnable revoked) {
        setId("revoke-credential-dialog");
        setHeaderTitle("Revoke " + c.name() + "?");
        setWidth("min(560px, 95vw)");

        String key = "bkd_" + c.keyPrefix() + "_…";
        Paragraph effect = new Paragraph("From then on, every data-plane request that sends " + key
                + " is refused (401) on every node: on this one at once, on the others as soon as the change "
                + "reaches them, moments later. A data plane still using it gets no decisions until it switches "
                + "to another credential.");
        effect.setId("revoke-credential-effect");
        Paragraph last = new Paragraph(c.lastUsedAt() == null ? "It has never been used."
                : "Last used " + Formats.minute(c.lastUsedAt()) + ".");
        last.addClassName("muted");
        add(effect, last, new Paragraph("This cannot be undone."));

        Button confirm = new Button("Revoke " + c.name(), e -> {
            try {
                credentials.revoke(c.id());
                Notifications.success(c.name() + " is revoked: every node refuses " + key + ".");
            } catch (DomainException ex) {
                Notifications.error(ex.getMessage());
            }
            close();
            revoked.run();
        });
        confirm.setId("revoke-credential-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("revoke-credential-cancel");
        getFooter().add(cancel, confirm);
    }
}
