package io.bridgekeeper.device.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
        setHeaderTitle(t("device.transfer.title", device.name()));
        setId("transfer-dialog");
        setWidth("min(520px, 95vw)");
        EmailField to = new EmailField(t("device.transfer.to"));
        to.setId("transfer-to");
        to.setWidthFull();
        to.setValueChangeMode(ValueChangeMode.EAGER);
        TextArea reason = new TextArea(t("device.reason"));
        reason.setId("transfer-reason");
        reason.setWidthFull();
        Limits.count(reason, 2000);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph((device.ownerEmail() == null ? t("device.transfer.nobody") : t("device.transfer.loses",
                device.ownerEmail())) + " " + t("device.transfer.explain")), to, reason);
        Button confirm = new Button(t("device.transfer.confirm"), e -> {
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
        getFooter().add(new Button(t("base.cancel"), e -> close()), confirm);
    }
}
