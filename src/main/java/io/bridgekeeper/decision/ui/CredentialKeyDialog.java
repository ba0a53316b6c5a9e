package io.bridgekeeper.decision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
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
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);

        Paragraph once = new Paragraph("Copy this key now and store it in the data plane's secret store. "
                + "You will not see it again: Bridgekeeper keeps only a hash of it. If it is lost, create a new "
                + "credential and revoke this one.");
        once.setId("credential-key-warning");
        once.addClassName("shown-once");

        // a text area, so the whole key is in sight (about 90 characters do not fit one line of a dialog)
        TextArea key = new TextArea("Service credential key");
        key.setId("credential-key");
        key.setValue(credential.key());
        key.setReadOnly(true);
        key.setWidthFull();
        key.addClassName("key-value");

        Button copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.setId("credential-key-copy");
        copy.addClickListener(e -> copy.getElement().executeJs("""
                        const field = $0;
                        const select = () => { field.inputElement.select(); return false; };
                        if (!navigator.clipboard || !window.isSecureContext) { return select(); }
                        return navigator.clipboard.writeText(field.value).then(() => true, select);""",
                key.getElement()).then(Boolean.class, copied -> {
                    copy.setText(copied ? "Copied" : "Selected: press Ctrl+C");
                    copy.setIcon(copied ? VaadinIcon.CHECK.create() : VaadinIcon.COPY.create());
                }));
        Div keyLine = new Div(key, copy);
        keyLine.addClassName("key-line");

        add(once, keyLine, new Paragraph("Send it as 'Authorization: Bearer <key>' to /api/decision/v1."));

        Button done = new Button("I have stored the key", e -> close());
        done.setId("credential-key-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
