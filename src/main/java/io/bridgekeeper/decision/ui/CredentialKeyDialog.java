package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
        setHeaderTitle(t("decision.key.title", credential.name()));
        setWidth("min(640px, 95vw)");
        SecretShownOnce.guard(this);
        SecretShownOnce key = new SecretShownOnce("credential-key", t("decision.key.label"), credential.key(),
                t("decision.key.text"));
        add(key, new Paragraph(t("decision.key.how")));

        Button done = new Button(t("decision.key.stored"), e -> close());
        done.setId("credential-key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
