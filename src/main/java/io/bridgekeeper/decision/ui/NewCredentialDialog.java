package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.decision.CredentialScope;
import io.bridgekeeper.decision.ServiceCredentialService;
import java.util.HashMap;
import java.util.Map;

/**
 * Names a new service credential, checked as it is typed (blank, too long, already the name of a
 * live one), and sets its scope (calls, vendors, rate limit); on success it hands over to the dialog
 * that shows the key its only time.
 */
class NewCredentialDialog extends Dialog {

    private final TextField name = new TextField(t("decision.name"));
    private final ServiceCredentialService credentials;
    private final CredentialScopeFields scope;

    NewCredentialDialog(ServiceCredentialService credentials, Runnable created) {
        this.credentials = credentials;
        setId("new-credential-dialog");
        setHeaderTitle(t("decision.new.title"));
        setWidth("min(520px, 95vw)");

        name.setId("credential-name");
        name.setPlaceholder(t("decision.new.placeholder"));
        name.setHelperText(t("decision.new.help"));
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> check());
        scope = new CredentialScopeFields(credentials, CredentialScope.unrestricted());
        add(name, scope);

        Button create = new Button(t("decision.new.create"));
        create.addClickListener(e -> {
            try {
                CredentialScope chosen = scope.scope();
                if (!check() || chosen == null) {
                    return;
                }
                Map<String, HasValidation> fields = new HashMap<>(scope.fields());
                fields.put("name", name);
                Actions.get(() -> credentials.create(name.getValue(), chosen), null, fields).ifPresent(c -> {
                    close();
                    created.run();
                    new CredentialKeyDialog(c).open();
                });
            } finally {
                create.setEnabled(true);
            }
        });
        create.setId("credential-create");
        // a double click must not create two credentials (and show only the second key)
        create.setDisableOnClick(true);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        cancel.setId("credential-cancel");
        getFooter().add(cancel, create);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }

    /** The service's own rules, so the person sees them before pressing the button. */
    private boolean check() {
        String value = name.getValue().strip();
        if (value.isEmpty()) {
            return mark(t("decision.new.name-required"));
        }
        if (value.length() > ServiceCredentialService.MAX_NAME_LENGTH) {
            return mark(t("decision.new.name-too-long", String.valueOf(ServiceCredentialService.MAX_NAME_LENGTH),
                    String.valueOf(value.length())));
        }
        if (credentials.isNameTaken(value)) {
            return mark(t("decision.new.name-taken", value));
        }
        return mark(null);
    }

    private boolean mark(String error) {
        return Actions.mark(name, error);
    }
}
