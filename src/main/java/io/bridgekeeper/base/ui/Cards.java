package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;

/** The portal's cards are Vaadin's {@link Card}, outlined; a class name says which card it is. */
public final class Cards {

    private Cards() {
    }

    public static Card of(String className, Component... content) {
        Card card = new Card();
        outline(card);
        card.addClassName(className);
        card.add(content);
        return card;
    }

    /** For a component that is a card itself ({@code extends Card}). */
    public static void outline(Card card) {
        card.addThemeVariants(CardVariant.LUMO_OUTLINED);
    }
}
