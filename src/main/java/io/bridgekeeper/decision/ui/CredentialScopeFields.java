package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.decision.CredentialScope;
import io.bridgekeeper.decision.CredentialVendor;
import io.bridgekeeper.decision.DecisionCall;
import io.bridgekeeper.decision.ServiceCredentialService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A credential's scope in a form: the calls it may make, the vendors it may ask about (none chosen: all),
 * and its rate per node. Checked as it is changed with the service's own rules; the service checks again.
 */
class CredentialScopeFields extends Div {

    private final CheckboxGroup<DecisionCall> calls = new CheckboxGroup<>(t("decision.scope.calls"));
    private final MultiSelectComboBox<CredentialVendor> vendors = new MultiSelectComboBox<>(t("decision.scope.vendors"));
    private final IntegerField rate = new IntegerField(t("decision.scope.rate"));

    CredentialScopeFields(ServiceCredentialService credentials, CredentialScope initial) {
        calls.setId("credential-calls");
        calls.setItems(DecisionCall.values());
        calls.setItemLabelGenerator(Words::label);
        calls.setValue(initial.calls());
        calls.addValueChangeListener(e -> check());

        List<CredentialVendor> choices = credentials.vendorChoices();
        vendors.setId("credential-vendors");
        vendors.setItems(choices);
        vendors.setItemLabelGenerator(CredentialVendor::slug);
        vendors.setPlaceholder(t("decision.scope.every-vendor"));
        vendors.setHelperText(t("decision.scope.vendors-help"));
        vendors.setWidthFull();
        vendors.setValue(choices.stream().filter(v -> initial.vendorIds().contains(v.id())).collect(Collectors.toSet()));

        rate.setId("credential-rate");
        rate.setMin(1);
        rate.setMax(CredentialScope.MAX_RATE);
        rate.setValue(initial.ratePerSecond());
        rate.setHelperText(t("decision.scope.rate-help"));
        rate.setWidthFull();
        rate.addValueChangeListener(e -> check());
        add(calls, vendors, rate);
    }

    /** The scope as entered, or null with the fields marked when it cannot be one. */
    CredentialScope scope() {
        if (!check()) {
            return null;
        }
        Set<Long> ids = vendors.getValue().stream().map(CredentialVendor::id).collect(Collectors.toSet());
        return new CredentialScope(EnumSet.copyOf(calls.getValue()), ids, rate.getValue());
    }

    /** The fields by the names a service refusal gives them. */
    Map<String, HasValidation> fields() {
        return Map.of("calls", calls, "ratePerSecond", rate, "vendors", vendors);
    }

    private boolean check() {
        boolean ok = true;
        if (calls.getValue().isEmpty()) {
            ok = Actions.mark(calls, t("decision.scope.calls-required"));
        } else {
            Actions.mark(calls, null);
        }
        Integer r = rate.getValue();
        if (r == null || r < 1 || r > CredentialScope.MAX_RATE) {
            ok = Actions.mark(rate, t("decision.scope.rate-range", String.valueOf(CredentialScope.MAX_RATE)));
        } else {
            Actions.mark(rate, null);
        }
        return ok;
    }
}
