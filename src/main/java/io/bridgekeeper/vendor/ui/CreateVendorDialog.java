package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.TextRules;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.NewVendor;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.WebhookUrls;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.LongConsumer;

/** Onboard a vendor; every field is checked as it is typed, the slug also for uniqueness. */
class CreateVendorDialog extends Dialog {

    private final TextField slug = new TextField(t("vendor.slug"));
    private final TextField name = new TextField(t("vendor.name"));
    private final CheckboxGroup<Capability> capabilities = new CheckboxGroup<>(t("vendor.capabilities"));
    private final TextField webhook = new TextField(t("vendor.webhook-url"));
    private final VendorService vendors;

    CreateVendorDialog(VendorService vendors, LongConsumer created) {
        this.vendors = vendors;
        setHeaderTitle(t("vendor.new"));
        setId("create-vendor-dialog");
        setWidth("min(560px, 95vw)");

        slug.setId("vendor-slug");
        slug.setHelperText(t("vendor.create.slug-help"));
        slug.setValueChangeMode(ValueChangeMode.EAGER);
        slug.setRequiredIndicatorVisible(true);
        slug.addValueChangeListener(e -> checkSlug());
        name.setId("vendor-name");
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> checkName());
        capabilities.setId("vendor-capabilities");
        capabilities.setItems(Capability.values());
        capabilities.setItemLabelGenerator(Words::label);
        capabilities.addValueChangeListener(e -> checkCapabilities());
        webhook.setId("vendor-webhook");
        webhook.setPlaceholder("https://hooks.example.com/bridgekeeper");
        webhook.setHelperText(t("vendor.create.webhook-help"));
        webhook.setValueChangeMode(ValueChangeMode.LAZY);
        webhook.addValueChangeListener(e -> checkWebhook());

        FormLayout form = new FormLayout(slug, name, capabilities, webhook);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button(t("vendor.create.save"), e -> {
            if (checkSlug() & checkName() & checkCapabilities() & checkWebhook()) {
                Actions.get(() -> vendors.create(new NewVendor(slug.getValue(), name.getValue(),
                                EnumSet.copyOf(capabilities.getValue()), webhook.getValue())),
                        t("vendor.create.done", slug.getValue().trim()),
                        Map.of("slug", slug, "name", name, "webhookUrl", webhook)).ifPresent(id -> {
                    close();
                    created.accept(id);
                });
            }
        });
        save.setId("create-vendor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("base.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private boolean checkSlug() {
        String value = slug.getValue().trim();
        String error = null;
        if (!VendorService.SLUG.matcher(value).matches() || value.length() > 63) {
            error = t("vendor.create.slug-invalid");
        } else if (vendors.isSlugTaken(value)) {
            error = t("vendor.create.slug-taken", value);
        }
        return Actions.mark(slug, error);
    }

    private boolean checkName() {
        String value = name.getValue().trim();
        return Actions.mark(name, value.isEmpty() || value.length() > 200 ? t("vendor.create.name-invalid")
                : TextRules.nameProblem(value, Words.pageLocale()));
    }

    private boolean checkCapabilities() {
        boolean ok = !capabilities.getValue().isEmpty();
        capabilities.setInvalid(!ok);
        capabilities.setErrorMessage(ok ? null : t("vendor.create.capability-required"));
        return ok;
    }

    private boolean checkWebhook() {
        // optional when onboarding: a vendor may not have its endpoint yet
        return Actions.mark(webhook, webhook.getValue().isBlank() ? null : WebhookUrls.problem(webhook.getValue(), Words.pageLocale()));
    }
}
