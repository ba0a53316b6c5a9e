package io.bridgekeeper.link.ui;

import com.vaadin.flow.component.button.Button;
import io.bridgekeeper.base.ui.SlugConfirmationField;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.link.LinkDetail;
import io.bridgekeeper.link.UnlinkService;

/** An admin ends a household's link; the reason is required and goes into the epoch history and audit. */
class ForceUnlinkDialog extends Dialog {

    ForceUnlinkDialog(LinkDetail detail, UnlinkService unlinks, Runnable done) {
        setHeaderTitle("Force-unlink " + detail.link().externalAccountId() + "?");
        setId("force-unlink-dialog");
        setWidth("min(520px, 95vw)");
        TextArea reason = new TextArea("Reason");
        reason.setId("force-unlink-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setMaxLength(2000);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph("The link of " + detail.link().accountEmail() + " to " + detail.link().vendorName()
                + " ends now, its epoch moves, the household loses " + detail.devices().size()
                + " device(s) at once and " + detail.link().vendorName() + " gets a DISCONNECT webhook. "
                + "The household sees a receipt."), reason);
        SlugConfirmationField slug = new SlugConfirmationField("force-unlink-confirmation", detail.link().vendorSlug());
        add(slug);
        Button confirm = new Button("Force-unlink", e -> {
            unlinks.forceUnlink(detail.link().id(), reason.getValue(), slug.getValue());
            close();
            done.run();
        });
        confirm.setId("force-unlink-confirm");
        confirm.setEnabled(false);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank() && slug.matches()));
        slug.addValueChangeListener(e -> confirm.setEnabled(!reason.getValue().isBlank() && slug.matches()));
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
