package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.UI;
import io.bridgekeeper.base.Translations;
import java.util.Locale;

/**
 * Translated words for code that builds sentences outside a component (a next-step sentence, an audit
 * trail in words), so that it can be unit-tested in each language without a running UI:
 * {@code Words.of(Locale.GERMAN).get("rollout.next.advance", 25)}.
 */
@FunctionalInterface
public interface Words {

    String get(String key, Object... args);

    /** The current page's language; English outside a page. */
    static Words ofPage() {
        return of(pageLocale());
    }

    /** The current page's locale; English outside a page. */
    static Locale pageLocale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Translations.ENGLISH : ui.getLocale();
    }

    static Words of(Locale locale) {
        return (key, args) -> Translations.bundled().get(locale, key, args);
    }
}
