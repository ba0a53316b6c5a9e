package io.bridgekeeper.compatibility.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.DeviceModel;
import io.bridgekeeper.compatibility.NewCompatibility;
import io.bridgekeeper.compatibility.Surface;
import io.bridgekeeper.vendor.Capability;
import java.util.List;
import java.util.Map;

/** The vendor says which capability of one of its models works on which surface, from which cache version on. */
class DeclareDialog extends Dialog {

    DeclareDialog(CompatibilityService compatibility, long vendorId, List<DeviceModel> models, Runnable done) {
        setId("declare-dialog");
        setHeaderTitle(t("compatibility.declare"));
        setWidth("min(520px, 95vw)");
        ComboBox<DeviceModel> model = new ComboBox<>(t("compatibility.model"));
        model.setId("declare-model");
        model.setItems(models);
        model.setItemLabelGenerator(m -> m.code() + " · " + m.name());
        model.setRequired(true);
        ComboBox<Surface> surface = new ComboBox<>(t("compatibility.surface"));
        surface.setId("declare-surface");
        surface.setItems(compatibility.surfaces());
        surface.setItemLabelGenerator(s -> Surfaces.name(s.code(), s.name()));
        surface.setRequired(true);
        ComboBox<Capability> capability = new ComboBox<>(t("compatibility.capability"));
        capability.setId("declare-capability");
        capability.setItemLabelGenerator(Words::label);
        capability.setRequired(true);
        Runnable narrow = () -> capability.setItems(java.util.Arrays.stream(Capability.values())
                .filter(c -> model.getValue() == null || model.getValue().capabilities().contains(c))
                .filter(c -> surface.getValue() == null || surface.getValue().capabilities().contains(c)).toList());
        narrow.run();
        model.addValueChangeListener(e -> narrow.run());
        surface.addValueChangeListener(e -> narrow.run());
        ComboBox<String> since = new ComboBox<>(t("compatibility.since"));
        since.setId("declare-since");
        List<String> versions = compatibility.versionLabels(vendorId);
        since.setItems(versions);
        since.setRequired(true);
        since.setHelperText(t("compatibility.since-help"));
        if (!versions.isEmpty()) {
            since.setValue(versions.getFirst());
        }
        if (models.size() == 1) {
            model.setValue(models.getFirst());
        }
        FormLayout form = new FormLayout(model, surface, capability, since);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(t("compatibility.declare-save"), e -> {
            if (model.getValue() == null) {
                model.setInvalid(true);
                model.setErrorMessage(t("compatibility.choose-model"));
                return;
            }
            NewCompatibility entry = new NewCompatibility(surface.getValue() == null ? null : surface.getValue().code(),
                    capability.getValue() == null ? null : capability.getValue().name(), since.getValue());
            if (Actions.run(() -> compatibility.declare(vendorId, model.getValue().code(), entry),
                    t("compatibility.declared", model.getValue().code()),
                    Map.of("surface", surface, "capability", capability, "sinceVersion", since))) {
                close();
                done.run();
            }
        });
        save.setId("declare-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
