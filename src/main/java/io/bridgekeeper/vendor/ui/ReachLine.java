package io.bridgekeeper.vendor.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** "Label ..... 1,234" in a card. */
final class ReachLine {

    private ReachLine() {
    }

    static Div of(String id, String label, long value) {
        Span l = new Span(label);
        l.addClassName("muted");
        Span n = new Span(String.format("%,d", value));
        n.addClassName("reach-value");
        n.setId(id);
        Div line = new Div(l, n);
        line.addClassName("reach-line");
        return line;
    }

    static Div of(String id, String label, String value) {
        Span l = new Span(label);
        l.addClassName("muted");
        Span n = new Span(value);
        n.setId(id);
        Div line = new Div(l, n);
        line.addClassName("reach-line");
        return line;
    }
}
