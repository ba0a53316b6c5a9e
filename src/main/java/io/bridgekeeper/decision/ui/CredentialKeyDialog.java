package io.bridgekeeper.decision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.bridgekeeper.base.ui.SecretShownOnce;
import io.bridgekeeper.decision.NewServiceCredential;

/**
 * The only time a service credential's key is shown. It does not close on an outside click or
 * Escape, so a stray click cannot lose a key that exists nowhere else.
 */
class CredentialKeyDialog extends Dialog {

    CredentialKeyDialog(NewServiceCredential credential) {
        setId("credential-key-dialog");
        setHeaderTitle("Key of " + credential.name());
        setWidth("min(640px, 95vw)");
        SecretShownOnce.guard(this);
        SecretShownOnce key = new SecretShownOnce("credential-key", "Service credential key", credential.key(),
                "Copy this key now and store it in the data plane's secret store. You will not see it again: "
                        + "Bridgekeeper keeps only a hash of it. If it is lost, create a new credential and revoke this one.");
        add(key, new Paragraph("Send it as 'Authorization: Bearer <key>' to /api/decision/v1."));

        Button done = new Button("I have stored the key", e -> close());
        done.setId("credential-key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
