package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
            steps.add(new ListItem(t("home.unlink.account", vendorName)));
        }
        if (deviceNames.isEmpty()) {
            steps.add(new ListItem(t("home.unlink.no-device")));
        } else {
            steps.add(new ListItem(t(deviceNames.size() == 1 ? "home.unlink.device-leaves" : "home.unlink.devices-leave",
                    String.join(", ", deviceNames))));
        }
        steps.add(new ListItem(t(deviceNames.size() == 1 ? "home.unlink.access-ends-one" : "home.unlink.access-ends")));
        steps.add(new ListItem(t("home.unlink.vendor-told", vendorName)));
        add(new Paragraph(t("home.unlink.intro")), steps,
                new Paragraph(t("home.unlink.receipt")));

        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("cancel-unlink");
        Button confirm = new Button(wholeAccount ? t("home.unlink.confirm-account") : t("home.unlink.confirm-device"), e -> {
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
