package io.bridgekeeper.device.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
        setHeaderTitle(move ? t("device.resolve.move-title", m.deviceName(), m.toEmail())
                : t("device.resolve.keep-title", m.deviceName(), m.fromEmail()));
        setId("resolve-move-dialog");
        setWidth("min(560px, 95vw)");
        UnorderedList touches = new UnorderedList();
        touches.setId("resolve-move-consequences");
        touches.addClassName("consequences");
        if (move) {
            touches.add(new ListItem(t("device.resolve.loses", m.fromEmail())));
            touches.add(new ListItem(t("device.resolve.owns", m.toEmail(), m.vendorName(), m.toExternalAccountId())));
        } else {
            touches.add(new ListItem(t("device.resolve.keeps", m.fromEmail())));
            touches.add(new ListItem(t("device.resolve.cannot-claim", m.vendorName(), m.toExternalAccountId())));
        }
        touches.add(new ListItem(t("device.resolve.audited")));
        TextArea reason = new TextArea(t("device.reason"));
        reason.setId("resolve-move-reason");
        reason.setWidthFull();
        Limits.count(reason, 1000);
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(new Paragraph(t("device.resolve.touches")), touches, reason);
        Button confirm = new Button(move ? t("device.resolve.move") : t("device.resolve.keep"), e -> {
            moves.resolve(m.id(), resolution, reason.getValue());
            close();
            done.run();
        });
        confirm.setId("resolve-move-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("resolve-move-cancel");
        getFooter().add(cancel, confirm);
    }
}
