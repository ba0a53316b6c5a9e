package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured label for a state: success, error, warning, contrast or neutral. */
public class Badge extends Span {

    public Badge(String text, String tone) {
        super(text);
        addClassNames("badge", "badge-" + tone);
    }
}
