package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.decision.SigningSecret;
import io.bridgekeeper.decision.SigningSecretService;
import io.bridgekeeper.decision.SigningSecretStatus;
import java.util.Map;
import java.util.List;

/**
 * Rotation, with what it does to the keys the data plane holds: those signed by the active secret
 * stay valid, those signed by the verify-only one go stale and must be resolved again.
 */
class RotateSecretDialog extends Dialog {

    RotateSecretDialog(List<SigningSecret> secrets, SigningSecretService service, Runnable rotated) {
        setId("rotate-secret-dialog");
        setHeaderTitle(t("decision.rotate.title"));
        setWidth("min(600px, 95vw)");

        String active = kid(secrets, SigningSecretStatus.ACTIVE);
        String verifying = kid(secrets, SigningSecretStatus.VERIFY);
        UnorderedList effects = new UnorderedList();
        effects.setId("rotate-secret-effects");
        effects.addClassName("consequences");
        effects.add(new ListItem(t("decision.rotate.new")));
        if (active != null) {
            effects.add(new ListItem(t("decision.rotate.active", active)));
        }
        effects.add(new ListItem(verifying == null
                ? t("decision.rotate.none-stale")
                : t("decision.rotate.stale", verifying)));
        add(effects);

        Button confirm = new Button(t("decision.rotate.confirm"));
        confirm.addClickListener(e -> {
            try {
                Actions.get(service::rotate, null, Map.of()).ifPresent(kid -> Notifications.success(
                        active == null ? t("decision.rotate.done", kid) : t("decision.rotate.done-verifies", kid, active)));
            } finally {
                confirm.setEnabled(true);
            }
            close();
            rotated.run();
        });
        confirm.setId("rotate-secret-confirm");
        // a double click would rotate twice and retire the secret that signs the keys in use now
        confirm.setDisableOnClick(true);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("rotate-secret-cancel");
        getFooter().add(cancel, confirm);
    }

    private static String kid(List<SigningSecret> secrets, SigningSecretStatus status) {
        return secrets.stream().filter(s -> s.status() == status).map(SigningSecret::kid).findFirst().orElse(null);
    }
}
