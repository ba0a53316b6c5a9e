package io.bridgekeeper.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
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

    private final TextField slug = new TextField("Slug");
    private final TextField name = new TextField("Name");
    private final CheckboxGroup<Capability> capabilities = new CheckboxGroup<>("Capabilities");
    private final TextField webhook = new TextField("Webhook URL");
    private final VendorService vendors;

    CreateVendorDialog(VendorService vendors, LongConsumer created) {
        this.vendors = vendors;
        setHeaderTitle("New vendor");
        setId("create-vendor-dialog");
        setWidth("min(560px, 95vw)");

        slug.setId("vendor-slug");
        slug.setHelperText("Lowercase letters, digits and dashes, e.g. acme-cams. It never changes.");
        slug.setValueChangeMode(ValueChangeMode.EAGER);
        slug.setRequiredIndicatorVisible(true);
        slug.addValueChangeListener(e -> checkSlug());
        name.setId("vendor-name");
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> checkName());
        capabilities.setId("vendor-capabilities");
        capabilities.setItems(Capability.values());
        capabilities.setItemLabelGenerator(Capability::label);
        capabilities.addValueChangeListener(e -> checkCapabilities());
        webhook.setId("vendor-webhook");
        webhook.setPlaceholder("https://hooks.example.com/bridgekeeper");
        webhook.setHelperText("Optional now; https, or http only for localhost.");
        webhook.setValueChangeMode(ValueChangeMode.LAZY);
        webhook.addValueChangeListener(e -> checkWebhook());

        FormLayout form = new FormLayout(slug, name, capabilities, webhook);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button save = new Button("Create vendor", e -> {
            if (checkSlug() & checkName() & checkCapabilities() & checkWebhook()) {
                Actions.get(() -> vendors.create(new NewVendor(slug.getValue(), name.getValue(),
                                EnumSet.copyOf(capabilities.getValue()), webhook.getValue())),
                        "Vendor " + slug.getValue().trim() + " created (onboarding).",
                        Map.of("slug", slug, "name", name, "webhookUrl", webhook)).ifPresent(id -> {
                    close();
                    created.accept(id);
                });
            }
        });
        save.setId("create-vendor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private boolean checkSlug() {
        String value = slug.getValue().trim();
        String error = null;
        if (!VendorService.SLUG.matcher(value).matches() || value.length() > 63) {
            error = "Use lowercase letters, digits and single dashes, at most 63 characters.";
        } else if (vendors.isSlugTaken(value)) {
            error = "The slug '" + value + "' is already taken.";
        }
        return Actions.mark(slug, error);
    }

    private boolean checkName() {
        String value = name.getValue().trim();
        return Actions.mark(name, value.isEmpty() || value.length() > 200 ? "Enter a name of 1 to 200 characters."
                : TextRules.nameProblem(value));
    }

    private boolean checkCapabilities() {
        boolean ok = !capabilities.getValue().isEmpty();
        capabilities.setInvalid(!ok);
        capabilities.setErrorMessage(ok ? null : "Choose at least one capability.");
        return ok;
    }

    private boolean checkWebhook() {
        // optional when onboarding: a vendor may not have its endpoint yet
        return Actions.mark(webhook, webhook.getValue().isBlank() ? null : WebhookUrls.problem(webhook.getValue()));
    }
}
