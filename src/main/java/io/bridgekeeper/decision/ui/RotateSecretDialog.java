package io.bridgekeeper.decision.ui;

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
        setHeaderTitle("Rotate the signing secret?");
        setWidth("min(600px, 95vw)");

        String active = kid(secrets, SigningSecretStatus.ACTIVE);
        String verifying = kid(secrets, SigningSecretStatus.VERIFY);
        UnorderedList effects = new UnorderedList();
        effects.setId("rotate-secret-effects");
        effects.addClassName("consequences");
        effects.add(new ListItem("A new secret signs every cache key handed out from now on, on every node."));
        if (active != null) {
            effects.add(new ListItem("Keys signed by " + active + " (active now) stay valid: " + active
                    + " keeps verifying until the next rotation."));
        }
        effects.add(new ListItem(verifying == null
                ? "No key becomes stale: no secret is in verify-only state now."
                : "Keys signed by " + verifying + " (verify-only now) become stale: " + verifying + " is retired, "
                        + "the decision API answers STALE_CACHE_KEY for them and the data plane must re-resolve "
                        + "those devices."));
        add(effects);

        Button confirm = new Button("Rotate");
        confirm.addClickListener(e -> {
            try {
                Actions.get(service::rotate, null, Map.of()).ifPresent(kid -> Notifications.success(
                        kid + " signs from now on" + (active == null ? "." : "; " + active + " still verifies.")));
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
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("rotate-secret-cancel");
        getFooter().add(cancel, confirm);
    }

    private static String kid(List<SigningSecret> secrets, SigningSecretStatus status) {
        return secrets.stream().filter(s -> s.status() == status).map(SigningSecret::kid).findFirst().orElse(null);
    }
}
