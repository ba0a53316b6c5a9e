package io.bridgekeeper.webhook.ui;

import static io.bridgekeeper.base.ui.Words.t;

import io.bridgekeeper.base.ui.Words;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.webhook.DeliveryDetail;
import io.bridgekeeper.webhook.DeliveryState;

/** One delivery: its state, the payload exactly as sent, and every attempt with the vendor's answer. */
class DeliveryDialog extends Dialog {

    DeliveryDialog(DeliveryDetail detail) {
        DeliveryState d = detail.state();
        setId("delivery-dialog");
        setHeaderTitle(t("webhook.dialog.title", d.event().name(), String.valueOf(d.id()), d.vendorName()));
        setWidth("min(720px, 96vw)");
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, t("webhook.status"), new Badge(DeliveriesPanel.label(d.status()), DeliveriesPanel.tone(d.status())));
        fact(facts, t("webhook.queued"), new Span(Formats.second(d.createdAt())));
        fact(facts, t("webhook.attempts"), new Span(String.valueOf(d.attempts())));
        fact(facts, t("webhook.dialog.last-answer"), new Span(d.lastStatusCode() != null ? "HTTP " + d.lastStatusCode()
                : d.lastError() != null ? d.lastError() : d.attempts() == 0 ? t("webhook.dialog.not-sent") : "—"));
        if (d.nextAttemptAt() != null) {
            fact(facts, t("webhook.dialog.next-attempt"), new Span(Formats.second(d.nextAttemptAt())));
        }
        if (d.acknowledgedAt() != null) {
            fact(facts, t("webhook.status.ACKNOWLEDGED"), new Span(Formats.second(d.acknowledgedAt())));
        }
        Div story = new Div();
        story.setId("delivery-attempts");
        story.addClassName("audit-story");
        detail.attempts().forEach(a -> {
            Span when = new Span(Formats.second(a.at()));
            when.addClassName("muted");
            Div line = new Div(when, new Span(a.what(Words.pageLocale())), new Span(a.result(Words.pageLocale())));
            line.addClassName("audit-story-line");
            story.add(line);
        });
        Pre payload = new Pre(detail.payload() == null ? "—" : detail.payload());
        payload.setId("delivery-payload");
        payload.addClassName("evidence");
        add(facts, new H3(t("webhook.attempts")), story, new H3(t("webhook.dialog.payload")), payload);
        Button close = new Button(t("base.close"), e -> close());
        close.setId("delivery-dialog-close");
        getFooter().add(close);
    }

    private static void fact(Div facts, String label, com.vaadin.flow.component.Component value) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        value.addClassName("fact-value");
        facts.add(l, value);
    }
}
