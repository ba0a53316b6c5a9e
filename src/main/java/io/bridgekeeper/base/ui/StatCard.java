package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure with its label, as on the admin overview. */
public class StatCard extends Div {

    public StatCard(String id, String label, long value, String tone) {
        setId(id);
        addClassNames("stat-card", "tone-" + tone);
        Span number = new Span(String.format("%,d", value));
        number.addClassName("stat-value");
        Span caption = new Span(label);
        caption.addClassName("stat-label");
        add(number, caption);
    }
}
