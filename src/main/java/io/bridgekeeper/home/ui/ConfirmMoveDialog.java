package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import io.bridgekeeper.base.ui.Words;
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
        setHeaderTitle(t("home.move.title", move.deviceName()));
        setId("confirm-move-dialog");
        setWidth("min(520px, 95vw)");
        UnorderedList steps = new UnorderedList();
        steps.setId("move-consequences");
        steps.addClassName("consequences");
        steps.add(new ListItem(t("home.move.joins", move.deviceName(), move.vendorName(), Words.label(move.kind()),
                move.externalAccountId())));
        if (move.kind().showsImages()) {
            steps.add(new ListItem(displays.isEmpty() ? t("home.move.no-display")
                    : t("home.move.displays", String.join(", ", displays))));
        }
        steps.add(new ListItem(t("home.move.loses")));
        steps.add(new ListItem(t("home.move.recorded")));
        add(new Paragraph(t("home.move.intro")), steps);
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("cancel-move");
        Button ok = new Button(t("home.move.confirm"), e -> {
            close();
            confirm.run();
        });
        ok.setId("confirm-move");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, ok);
    }
}
