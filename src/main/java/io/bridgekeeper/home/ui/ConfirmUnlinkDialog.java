package io.bridgekeeper.home.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The confirmation before an unlink, listing exactly what will happen. Confirming runs the unlink and
 * opens its receipt.
 */
class ConfirmUnlinkDialog extends Dialog {

    ConfirmUnlinkDialog(String title, String vendorName, List<String> deviceNames, boolean wholeAccount,
                        LongSupplier unlink) {
        setHeaderTitle(title);
        setId("confirm-unlink-dialog");
        setWidth("min(520px, 95vw)");
        UnorderedList steps = new UnorderedList();
        steps.setId("unlink-consequences");
        steps.addClassName("consequences");
        if (wholeAccount) {
            steps.add(new ListItem("Your " + vendorName + " account is unlinked from your home."));
        }
        if (deviceNames.isEmpty()) {
            steps.add(new ListItem("No device of this account is in your home right now."));
        } else {
            steps.add(new ListItem((deviceNames.size() == 1 ? "This device leaves" : "These devices leave")
                    + " your home: " + String.join(", ", deviceNames) + "."));
        }
        steps.add(new ListItem("Your access to " + (deviceNames.size() == 1 ? "it" : "them")
                + " ends at once: no display in your home shows " + (deviceNames.size() == 1 ? "it" : "their images")
                + " any more, and every image cached before is invalid."));
        steps.add(new ListItem(vendorName + " is told to disconnect, and retried until it confirms."));
        add(new Paragraph("This is what will happen:"), steps,
                new Paragraph("You get a receipt that shows each step as it completes."));

        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-unlink");
        Button confirm = new Button(wholeAccount ? "Unlink account" : "Unlink device", e -> {
            long receipt = unlink.getAsLong();
            UI ui = UI.getCurrent();
            close();
            ui.navigate(UnlinkReceiptView.class, receipt);
        });
        confirm.setId("confirm-unlink");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(cancel, confirm);
    }
}
