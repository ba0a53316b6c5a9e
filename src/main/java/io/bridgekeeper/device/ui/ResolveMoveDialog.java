package io.bridgekeeper.device.ui;

import io.bridgekeeper.base.ui.Limits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.device.DeviceMoveService;
import io.bridgekeeper.device.MoveRequest;

/** An admin resolves a move between households either way, with a reason, after seeing what it touches. */
class ResolveMoveDialog extends Dialog {

    ResolveMoveDialog(MoveRequest m, DeviceMoveService.Resolution resolution, DeviceMoveService moves, Runnable done) {
        boolean move = resolution == DeviceMoveService.Resolution.MOVE;
        setHeaderTitle(move ? "Move " + m.deviceName() + " to " + m.toEmail() + "?"
                : "Keep " + m.deviceName() + " with " + m.fromEmail() + "?");
        setId("resolve-move-dialog");
        setWidth("min(560px, 95vw)");
        UnorderedList touches = new UnorderedList();
        touches.setId("resolve-move-consequences");
        touches.addClassName("consequences");
        if (move) {
            touches.add(new ListItem(m.fromEmail() + " loses the device at once; its ownership period ends (transferred)."));
            touches.add(new ListItem(m.toEmail() + " owns it from now through " + m.vendorName() + " account "
                    + m.toExternalAccountId() + "; nothing from before is theirs to see."));
        } else {
            touches.add(new ListItem(m.fromEmail() + " keeps the device; it is no longer held, and a choice that "
                    + "household made (disabled) stays."));
            touches.add(new ListItem(m.vendorName() + " account " + m.toExternalAccountId()
                    + " cannot claim it again: its later syncs list it as skipped."));
        }
        touches.add(new ListItem("The decision is audited with your reason and shown to the vendor through the partner API."));
        TextArea reason = new TextArea("Reason");
        reason.setId("resolve-move-reason");
        reason.setWidthFull();
        Limits.count(reason, 1000);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph("This is what the decision touches:"), touches, reason);
        Button confirm = new Button(move ? "Move device" : "Keep device", e -> {
            moves.resolve(m.id(), resolution, reason.getValue());
            close();
            done.run();
        });
        confirm.setId("resolve-move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("resolve-move-cancel");
        getFooter().add(cancel, confirm);
    }
}
