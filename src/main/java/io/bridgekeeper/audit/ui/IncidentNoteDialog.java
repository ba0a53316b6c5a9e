package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Limits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/**
 * Confirms an action on an incident (acknowledge, resolve, note) with its note. Nothing happens
 * until the admin confirms; a required note must be written first.
 */
class IncidentNoteDialog extends Dialog {

    IncidentNoteDialog(String id, String title, String explanation, String confirmText, boolean noteRequired,
                       boolean danger, Consumer<String> action) {
        setId(id);
        setHeaderTitle(title);
        setWidth("30rem");
        Paragraph text = new Paragraph(explanation);
        TextArea note = new TextArea(t(noteRequired ? "audit.note.required" : "audit.note.optional"));
        note.setId(id + "-note");
        note.setWidthFull();
        Limits.count(note, 4000);
        note.setMinHeight("6rem");
        add(text, note);

        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        Button confirm = new Button(confirmText, e -> {
            if (noteRequired && note.getValue().isBlank()) {
                note.setInvalid(true);
                note.setErrorMessage(t("audit.note.write-first"));
                return;
            }
            action.accept(note.getValue());
            close();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        getFooter().add(cancel, confirm);
    }
}
