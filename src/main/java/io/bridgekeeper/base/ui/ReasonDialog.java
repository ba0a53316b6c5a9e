package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The portal's one confirm-with-reason dialog: says what a destructive action will touch, takes the
 * reason that goes into the audit trail and, for the gravest actions, the vendor's slug typed out. The
 * action runs before the dialog closes, so a refusal leaves what was typed in place.
 */
public class ReasonDialog extends Dialog {

    private final Button confirm;

    public ReasonDialog(String id, String title, String warning, String confirmLabel, Consumer<String> confirmed) {
        this(id, title, warning, confirmLabel, null, (reason, typedSlug) -> confirmed.accept(reason));
    }

    /** With {@code slug}, the action is armed only when the vendor's slug is typed too (halt). */
    public ReasonDialog(String id, String title, String warning, String confirmLabel, String slug,
                 BiConsumer<String, String> confirmed) {
        setId(id + "-dialog");
        setHeaderTitle(title);
        setWidth("min(520px, 96vw)");
        TextArea reason = new TextArea(t("base.reason-dialog.reason"));
        reason.setId(id + "-reason");
        reason.setRequired(true);
        Limits.count(reason, 2000);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph(warning), reason);
        SlugConfirmationField typed = slug == null ? null : new SlugConfirmationField(id + "-confirmation", slug);
        if (typed != null) {
            add(typed);
        }
        confirm = new Button(confirmLabel, e -> {
            confirmed.accept(reason.getValue().trim(), typed == null ? null : typed.getValue());
            close();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        Runnable arm = () -> confirm.setEnabled(!reason.getValue().isBlank() && (typed == null || typed.matches()));
        reason.addValueChangeListener(e -> arm.run());
        if (typed != null) {
            typed.addValueChangeListener(e -> arm.run());
        }
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
    }

    /** For an action that restores or allows rather than destroys (resume, approve): a plain primary button. */
    public ReasonDialog constructive() {
        confirm.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        return this;
    }
}
