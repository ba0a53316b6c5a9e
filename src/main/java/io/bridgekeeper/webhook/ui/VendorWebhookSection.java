package io.bridgekeeper.webhook.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.vendor.VendorPageSection;
import io.bridgekeeper.webhook.DeliveryStatus;
import io.bridgekeeper.webhook.WebhookDeliveryService;

/**
 * On a vendor's page (admins and the vendor's partner managers): its webhook dead letters, each with
 * a confirmed redelivery. Nothing when there are none.
 */
@org.springframework.stereotype.Component
class VendorWebhookSection implements VendorPageSection {

    private final WebhookDeliveryService deliveries;

    VendorWebhookSection(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Component render(long vendorId) {
        long dead = deliveries.deadLetters(vendorId);
        if (dead == 0) {
            return null;
        }
        Card card = Cards.of("dead-letter-card");
        card.setId("vendor-dead-letters");
        Div title = new Div(new H3(t("webhook.dead.title")), new Badge(t("webhook.dead.count", String.valueOf(dead)), "error"));
        card.add(title, new Paragraph(t("webhook.dead.text")));
        DeliveriesPanel panel = new DeliveriesPanel(deliveries, vendorId, DeliveryStatus.DEAD_LETTER);
        panel.setHeight("24em");
        card.add(panel);
        return card;
    }
}
