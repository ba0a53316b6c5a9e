package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.UI;
import io.bridgekeeper.base.Translations;
import java.util.Locale;

/**
 * Translated words for code that builds sentences outside a component (a next-step sentence, an audit
 * trail in words), so that it can be unit-tested in each language without a running UI:
 * {@code Words.of(Locale.GERMAN).get("base.cancel")}.
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

    /** The text for {@code key} in the current page's language: {@code t("base.cancel")} (with a static import). */
    static String t(String key, Object... args) {
        return ofPage().get(key, args);
    }

    /** The text for {@code key} in the page's language, or {@code fallback} (a stored code) when none words it. */
    static String tOr(String key, String fallback) {
        return Translations.bundled().orElse(pageLocale(), key, fallback);
    }

    /** An enum constant's label in the page's language: key {@code enum.<SimpleName>.<CONSTANT>} in i18n/labels. */
    static String label(Enum<?> constant) {
        return constant == null ? "" : t("enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name());
    }

    static Words of(Locale locale) {
        return (key, args) -> Translations.bundled().get(locale, key, args);
    }
}
