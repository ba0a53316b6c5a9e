package io.bridgekeeper.base;

import java.util.Locale;

/**
 * What a refusal says, as a translation key with its values ({@link Translations}): the APIs answer
 * it in English, the portal in the person's language.
 */
public record Refusal(String key, Object... args) {

    public String in(Locale locale) {
        return Translations.bundled().get(locale, key, args);
    }

    public String english() {
        return Translations.english(key, args);
    }
}
