package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.html.Span;

/** Small pieces of text the views share. */
public final class Texts {

    private Texts() {
    }

    /** Secondary text: a detail under a title, a date beside a name. */
    public static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("muted");
        return span;
    }
}
