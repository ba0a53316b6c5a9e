package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/** Confirms a destructive action and takes the reason that goes into the audit trail. */
class ReasonDialog extends Dialog {

    ReasonDialog(String id, String title, String warning, String confirmLabel, Consumer<String> confirmed) {
        setId(id + "-dialog");
        setHeaderTitle(title);
        setWidth("min(520px, 96vw)");
        TextArea reason = new TextArea("Reason");
        reason.setId(id + "-reason");
        reason.setRequired(true);
        reason.setMaxLength(2000);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph(warning), reason);
        Button confirm = new Button(confirmLabel, e -> {
            close();
            confirmed.accept(reason.getValue().trim());
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
    }
}
