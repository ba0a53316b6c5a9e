package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorDetail;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.WebhookUrls;
import java.util.Map;
import java.util.stream.Collectors;

/** Capabilities and the webhook URL, which admins and the vendor's partner managers may edit. */
class IntegrationCard extends Card {

    IntegrationCard(VendorDetail v, VendorService vendors, Runnable changed) {
        Cards.outline(this);
        addClassName("integration-card");
        TextField webhook = new TextField(t("vendor.webhook-url"));
        webhook.setId("webhook-url");
        webhook.setWidthFull();
        webhook.setValue(v.webhookUrl() == null ? "" : v.webhookUrl());
        webhook.setPlaceholder("https://hooks.example.com/bridgekeeper");
        webhook.setValueChangeMode(ValueChangeMode.EAGER);
        Button save = new Button(t("base.save"), e -> {
            if (Actions.run(() -> vendors.updateWebhookUrl(v.id(), v.version(), webhook.getValue()),
                    t("vendor.integration.saved"), Map.of("webhookUrl", webhook))) {
                changed.run();
            }
        });
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        save.setEnabled(false);
        // a disabled Save says why: nothing changed yet, or the field says what is wrong
        webhook.setHelperText(t("vendor.integration.change-to-save"));
        webhook.addValueChangeListener(e -> {
            String problem = WebhookUrls.problem(e.getValue(), Words.pageLocale());
            webhook.setInvalid(problem != null);
            webhook.setErrorMessage(problem);
            boolean unchanged = e.getValue().equals(v.webhookUrl() == null ? "" : v.webhookUrl());
            save.setEnabled(problem == null && !unchanged);
            webhook.setHelperText(unchanged ? t("vendor.integration.change-to-save") : problem == null
                    ? t("vendor.integration.save-help") : null);
        });
        add(new H3(t("vendor.integration.title")),
                ReachLine.of("vendor-status-text", t("vendor.status"), Words.label(v.status())),
                ReachLine.of("vendor-capabilities-text", t("vendor.capabilities"),
                        v.capabilities().stream().map(Words::label).sorted().collect(Collectors.joining(", "))),
                webhook, save);
    }
}
