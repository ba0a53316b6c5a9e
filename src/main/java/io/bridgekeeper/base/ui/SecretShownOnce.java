package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A secret shown the only time it exists in clear (a service credential's key, a vendor's API key):
 * what to do with it, the whole value in sight, and a Copy button (or, without a clipboard, the value
 * selected for Ctrl+C). Ids: {@code id} for the field, {@code id-copy}, {@code id-warning}.
 */
public class SecretShownOnce extends Div {

    public SecretShownOnce(String id, String label, String secret, String warning) {
        Paragraph once = new Paragraph(warning);
        once.setId(id + "-warning");
        once.addClassName("shown-once");

        // a text area, so the whole key is in sight (about 90 characters do not fit one line of a dialog)
        TextArea key = new TextArea(label);
        key.setId(id);
        key.setValue(secret);
        key.setReadOnly(true);
        key.setWidthFull();
        key.addClassName("key-value");

        Button copy = new Button(t("base.secret.copy"), VaadinIcon.COPY.create());
        copy.setId(id + "-copy");
        copy.addClickListener(e -> copy.getElement().executeJs("""
                        const field = $0;
                        const select = () => { field.inputElement.select(); return false; };
                        if (!navigator.clipboard || !window.isSecureContext) { return select(); }
                        return navigator.clipboard.writeText(field.value).then(() => true, select);""",
                key.getElement()).then(Boolean.class, copied -> {
                    copy.setText(copied ? t("base.secret.copied") : t("base.secret.selected"));
                    copy.setIcon(copied ? VaadinIcon.CHECK.create() : VaadinIcon.COPY.create());
                }));
        Div keyLine = new Div(key, copy);
        keyLine.addClassName("key-line");
        add(once, keyLine);
    }

    /** While a dialog shows a secret, neither Escape nor a click beside it may close it and lose the secret. */
    public static void guard(Dialog dialog) {
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
    }
}
