package io.bridgekeeper.home.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.bridgekeeper.device.PendingMove;
import java.util.List;

/**
 * The confirmation before a device a vendor listed under this household's account joins its home,
 * listing what the move touches.
 */
class ConfirmMoveDialog extends Dialog {

    ConfirmMoveDialog(PendingMove move, List<String> displays, Runnable confirm) {
        setHeaderTitle("Move " + move.deviceName() + " into your home?");
        setId("confirm-move-dialog");
        setWidth("min(520px, 95vw)");
        UnorderedList steps = new UnorderedList();
        steps.setId("move-consequences");
        steps.addClassName("consequences");
        steps.add(new ListItem(move.deviceName() + " (" + move.vendorName() + " " + move.kind().label().toLowerCase()
                + ") joins your home through your " + move.vendorName() + " account " + move.externalAccountId() + "."));
        if (move.kind().showsImages()) {
            steps.add(new ListItem(displays.isEmpty() ? "No display in your home shows it yet."
                    : "It may be shown on your displays: " + String.join(", ", displays) + "."));
        }
        steps.add(new ListItem("The household that has it now loses it at once; nothing recorded before your "
                + "confirmation is yours to see."));
        steps.add(new ListItem("The move is recorded in the device's ownership history and the audit log."));
        add(new Paragraph("Confirm only if this device is really yours now (for example, you bought it or moved in "
                + "with it). This is what will happen:"), steps);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-move");
        Button ok = new Button("Move it into my home", e -> {
            close();
            confirm.run();
        });
        ok.setId("confirm-move");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, ok);
    }
}
