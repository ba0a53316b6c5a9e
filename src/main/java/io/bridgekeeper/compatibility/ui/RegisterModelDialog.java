package io.bridgekeeper.compatibility.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.NewDeviceModel;
import io.bridgekeeper.device.DeviceKind;
import io.bridgekeeper.vendor.Capability;
import java.util.Map;

/** A partner manager (or an admin) registers one of the vendor's device models. */
class RegisterModelDialog extends Dialog {

    RegisterModelDialog(CompatibilityService compatibility, long vendorId, Runnable done) {
        setId("register-model-dialog");
        setHeaderTitle(t("compatibility.register-model"));
        setWidth("min(520px, 95vw)");
        TextField code = new TextField(t("compatibility.model-code"));
        code.setId("model-code");
        code.setHelperText(t("compatibility.model-code-help"));
        code.setRequiredIndicatorVisible(true);
        TextField name = new TextField(t("compatibility.model-name"));
        name.setId("model-name");
        name.setRequiredIndicatorVisible(true);
        ComboBox<DeviceKind> kind = new ComboBox<>(t("compatibility.kind"));
        kind.setId("model-kind");
        kind.setItems(DeviceKind.values());
        kind.setItemLabelGenerator(Words::label);
        kind.setRequired(true);
        CheckboxGroup<Capability> capabilities = new CheckboxGroup<>(t("compatibility.capabilities"));
        capabilities.setId("model-capabilities");
        capabilities.setItems(Capability.values());
        capabilities.setItemLabelGenerator(Words::label);
        FormLayout form = new FormLayout(code, name, kind, capabilities);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(t("compatibility.register"), e -> {
            NewDeviceModel model = new NewDeviceModel(code.getValue(), name.getValue(),
                    kind.getValue() == null ? null : kind.getValue().name(),
                    capabilities.getValue().stream().map(Enum::name).sorted().toList());
            if (Actions.run(() -> compatibility.registerModel(vendorId, model),
                    t("compatibility.registered", code.getValue().strip()),
                    Map.of("code", code, "name", name, "kind", kind, "capabilities", capabilities))) {
                close();
                done.run();
            }
        });
        save.setId("register-model-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
