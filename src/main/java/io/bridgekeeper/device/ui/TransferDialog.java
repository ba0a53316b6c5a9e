package io.bridgekeeper.device.ui;

import io.bridgekeeper.base.ui.Limits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.device.DeviceRow;
import io.bridgekeeper.device.DeviceService;

/** An admin gives a device to another household, with a reason. */
class TransferDialog extends Dialog {

    TransferDialog(DeviceRow device, DeviceService devices, Runnable done) {
        setHeaderTitle("Transfer " + device.name());
        setId("transfer-dialog");
        setWidth("min(520px, 95vw)");
        EmailField to = new EmailField("New owner (household e-mail)");
        to.setId("transfer-to");
        to.setWidthFull();
        to.setValueChangeMode(ValueChangeMode.EAGER);
        TextArea reason = new TextArea("Reason");
        reason.setId("transfer-reason");
        reason.setWidthFull();
        Limits.count(reason, 2000);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph((device.ownerEmail() == null ? "Nobody owns it now." : device.ownerEmail()
                + " loses it at once.") + " The new owner's period starts now: nothing from before is theirs to see. "
                + "The device leaves its vendor link."), to, reason);
        Button confirm = new Button("Transfer", e -> {
            devices.transfer(device.id(), to.getValue(), reason.getValue());
            close();
            done.run();
        });
        confirm.setId("transfer-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        Runnable check = () -> confirm.setEnabled(!to.getValue().isBlank() && !reason.getValue().isBlank());
        to.addValueChangeListener(e -> check.run());
        reason.addValueChangeListener(e -> check.run());
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
