package io.bridgekeeper.vendor.ui;

import io.bridgekeeper.base.ui.Limits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.vendor.BlastRadius;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspendCommand;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorDetail;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The kill switch. Shows live what it will touch (households, devices, running rollouts) and is
 * armed only when the admin has typed the vendor's slug.
 */
class SuspendVendorDialog extends Dialog {

    private static final String ALL = "Every capability";
    private static final String SOME = "Only some capabilities";

    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Scope");
    private final CheckboxGroup<Capability> capabilities = new CheckboxGroup<>();
    private final Select<SuspensionReason> reason = new Select<>();
    private final TextArea reasonText = new TextArea("Reason");
    private final DateTimePicker restoration = new DateTimePicker("Expected restoration (optional)");
    private final TextField confirmation = new TextField();
    private final Span radius = new Span();
    private final Button suspend = new Button("Suspend");
    private final VendorDetail vendor;
    private final SuspensionService suspensions;

    SuspendVendorDialog(VendorDetail vendor, SuspensionService suspensions, Runnable done) {
        this.vendor = vendor;
        this.suspensions = suspensions;
        setId("suspend-dialog");
        setHeaderTitle("Suspend " + vendor.name());
        setWidth("min(640px, 96vw)");

        scope.setId("suspend-scope");
        scope.setItems(ALL, SOME);
        scope.setValue(ALL);
        capabilities.setId("suspend-capabilities");
        capabilities.setItems(vendor.capabilities());
        capabilities.setItemLabelGenerator(Capability::label);
        capabilities.setEnabled(false);
        scope.addValueChangeListener(e -> {
            capabilities.setEnabled(SOME.equals(e.getValue()));
            update();
        });
        capabilities.addValueChangeListener(e -> update());
        reason.setId("suspend-reason");
        reason.setLabel("Reason code");
        reason.setItems(SuspensionReason.values());
        reason.setItemLabelGenerator(SuspensionReason::label);
        reason.setRequiredIndicatorVisible(true);
        reason.addValueChangeListener(e -> update());
        reasonText.setId("suspend-reason-text");
        reasonText.setRequired(true);
        Limits.count(reasonText, 2000, "Shown to admins and the vendor's partner managers; households see plain words");
        reasonText.setValueChangeMode(ValueChangeMode.EAGER);
        reasonText.addValueChangeListener(e -> update());
        restoration.setId("suspend-restoration");
        restoration.setMin(LocalDateTime.now());
        radius.setId("blast-radius");
        Div radiusBox = new Div(radius);
        radiusBox.addClassName("blast-radius");
        confirmation.setId("suspend-confirmation");
        confirmation.setLabel("Type " + vendor.slug() + " to confirm");
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.addValueChangeListener(e -> update());

        FormLayout form = new FormLayout(scope, capabilities, reason, reasonText, restoration, radiusBox, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        suspend.setId("suspend-confirm");
        suspend.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        suspend.addClickListener(e -> submit(done));
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("suspend-cancel");
        getFooter().add(cancel, suspend);
        update();
    }

    private Set<Capability> chosenScope() {
        return ALL.equals(scope.getValue()) || capabilities.getValue().isEmpty() ? Set.of()
                : EnumSet.copyOf(capabilities.getValue());
    }

    private void update() {
        boolean partial = SOME.equals(scope.getValue());
        Set<Capability> chosen = chosenScope();
        BlastRadius r = suspensions.blastRadius(vendor.id(), chosen);
        boolean imagesOnly = !chosen.isEmpty() && !chosen.contains(Capability.CONTROL)
                && !chosen.containsAll(vendor.capabilities());
        radius.setText(partial && capabilities.getValue().isEmpty() ? "Choose the capabilities to suspend."
                : "Touches " + fmt(r.households()) + " households and " + fmt(r.devices())
                + (imagesOnly ? " cameras and doorbells" : " devices") + "; "
                + fmt(r.runningRollouts()) + " running rollouts will be paused.");
        boolean armed = vendor.slug().equals(confirmation.getValue().trim()) && reason.getValue() != null
                && !reasonText.getValue().isBlank() && (!partial || !capabilities.getValue().isEmpty());
        suspend.setEnabled(armed);
    }

    private void submit(Runnable done) {
        boolean all = ALL.equals(scope.getValue());
        if (Actions.run(() -> suspensions.suspend(new SuspendCommand(vendor.id(), vendor.version(), all,
                        all ? Set.of() : EnumSet.copyOf(capabilities.getValue()), reason.getValue(), reasonText.getValue(),
                        restoration.getValue() == null ? null
                                : restoration.getValue().atZone(ZoneId.systemDefault()).toInstant(),
                        confirmation.getValue())), null,
                Map.of("confirmation", confirmation, "reasonText", reasonText, "expectedRestoration", restoration))) {
            close();
            done.run();
        }
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }
}
