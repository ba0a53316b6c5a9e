package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.base.ui.Calendars;
import io.bridgekeeper.base.ui.Words;
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

    private static final String ALL = "all";
    private static final String SOME = "some";

    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>(t("vendor.suspend.scope"));
    private final CheckboxGroup<Capability> capabilities = new CheckboxGroup<>();
    private final Select<SuspensionReason> reason = new Select<>();
    private final TextArea reasonText = new TextArea(t("vendor.reason"));
    private final DateTimePicker restoration = Calendars.inPageLanguage(new DateTimePicker(t("vendor.suspend.restoration")));
    private final TextField confirmation = new TextField();
    private final Span radius = new Span();
    private final Button suspend = new Button(t("vendor.suspend.confirm"));
    private final VendorDetail vendor;
    private final SuspensionService suspensions;

    SuspendVendorDialog(VendorDetail vendor, SuspensionService suspensions, Runnable done) {
        this.vendor = vendor;
        this.suspensions = suspensions;
        setId("suspend-dialog");
        setHeaderTitle(t("vendor.suspend.title", vendor.name()));
        setWidth("min(640px, 96vw)");

        scope.setId("suspend-scope");
        scope.setItems(ALL, SOME);
        scope.setItemLabelGenerator(s -> t(ALL.equals(s) ? "vendor.suspend.scope-all" : "vendor.suspend.scope-some"));
        scope.setValue(ALL);
        capabilities.setId("suspend-capabilities");
        capabilities.setItems(vendor.capabilities());
        capabilities.setItemLabelGenerator(Words::label);
        capabilities.setEnabled(false);
        scope.addValueChangeListener(e -> {
            capabilities.setEnabled(SOME.equals(e.getValue()));
            update();
        });
        capabilities.addValueChangeListener(e -> update());
        reason.setId("suspend-reason");
        reason.setLabel(t("vendor.suspend.reason-code"));
        reason.setItems(SuspensionReason.values());
        reason.setItemLabelGenerator(Words::label);
        reason.setRequiredIndicatorVisible(true);
        reason.addValueChangeListener(e -> update());
        reasonText.setId("suspend-reason-text");
        reasonText.setRequired(true);
        Limits.count(reasonText, 2000, t("vendor.suspend.reason-help"));
        reasonText.setValueChangeMode(ValueChangeMode.EAGER);
        reasonText.addValueChangeListener(e -> update());
        restoration.setId("suspend-restoration");
        restoration.setMin(LocalDateTime.now());
        radius.setId("blast-radius");
        Div radiusBox = new Div(radius);
        radiusBox.addClassName("blast-radius");
        confirmation.setId("suspend-confirmation");
        confirmation.setLabel(t("base.slug-confirmation.label", vendor.slug()));
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.addValueChangeListener(e -> update());

        FormLayout form = new FormLayout(scope, capabilities, reason, reasonText, restoration, radiusBox, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        suspend.setId("suspend-confirm");
        suspend.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        suspend.addClickListener(e -> submit(done));
        Button cancel = new Button(t("base.cancel"), e -> close());
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
        radius.setText(partial && capabilities.getValue().isEmpty() ? t("vendor.suspend.choose")
                : t(imagesOnly ? "vendor.suspend.radius-cameras" : "vendor.suspend.radius", fmt(r.households()),
                        fmt(r.devices()), fmt(r.runningRollouts())));
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
        return String.format(Words.pageLocale(), "%,d", n);
    }
}
