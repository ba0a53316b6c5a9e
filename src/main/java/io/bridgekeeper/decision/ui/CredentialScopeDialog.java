package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.decision.CredentialScope;
import io.bridgekeeper.decision.ServiceCredentialRow;
import io.bridgekeeper.decision.ServiceCredentialService;

/** Changes a live credential's scope: calls, vendors and rate limit (audited by the service). */
class CredentialScopeDialog extends Dialog {

    CredentialScopeDialog(ServiceCredentialRow row, ServiceCredentialService credentials, Runnable changed) {
        setId("credential-scope-dialog");
        setHeaderTitle(t("decision.scope.title", row.name()));
        setWidth("min(520px, 95vw)");
        CredentialScopeFields fields = new CredentialScopeFields(credentials, row.scope());
        add(fields);
        Button save = new Button(t("decision.scope.save"), e -> {
            CredentialScope scope = fields.scope();
            if (scope == null) {
                return;
            }
            if (Actions.run(() -> credentials.changeScope(row.id(), scope),
                    t("decision.scope.saved", row.name()), fields.fields())) {
                close();
                changed.run();
            }
        });
        save.setId("credential-scope-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("credential-scope-cancel");
        getFooter().add(cancel, save);
    }
}
