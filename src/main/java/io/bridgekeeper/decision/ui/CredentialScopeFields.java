package io.bridgekeeper.decision.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
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

    private final CheckboxGroup<DecisionCall> calls = new CheckboxGroup<>("Calls");
    private final MultiSelectComboBox<CredentialVendor> vendors = new MultiSelectComboBox<>("Vendors");
    private final IntegerField rate = new IntegerField("Rate limit (requests per second, per node)");

    CredentialScopeFields(ServiceCredentialService credentials, CredentialScope initial) {
        calls.setId("credential-calls");
        calls.setItems(DecisionCall.values());
        calls.setItemLabelGenerator(DecisionCall::label);
        calls.setValue(initial.calls());
        calls.addValueChangeListener(e -> check());

        List<CredentialVendor> choices = credentials.vendorChoices();
        vendors.setId("credential-vendors");
        vendors.setItems(choices);
        vendors.setItemLabelGenerator(CredentialVendor::slug);
        vendors.setPlaceholder("Every vendor");
        vendors.setHelperText("Leave empty for every vendor.");
        vendors.setWidthFull();
        vendors.setValue(choices.stream().filter(v -> initial.vendorIds().contains(v.id())).collect(Collectors.toSet()));

        rate.setId("credential-rate");
        rate.setMin(1);
        rate.setMax(CredentialScope.MAX_RATE);
        rate.setValue(initial.ratePerSecond());
        rate.setHelperText("Over it the data plane gets 429 with Retry-After.");
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
            ok = Actions.mark(calls, "Allow at least one call: resolve or authorize.");
        } else {
            Actions.mark(calls, null);
        }
        Integer r = rate.getValue();
        if (r == null || r < 1 || r > CredentialScope.MAX_RATE) {
            ok = Actions.mark(rate, "Choose a rate from 1 to " + CredentialScope.MAX_RATE + " requests per second.");
        } else {
            Actions.mark(rate, null);
        }
        return ok;
    }
}
