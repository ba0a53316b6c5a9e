package io.bridgekeeper.base;

import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a refusal says, as a translation key with its values ({@link Translations}): the APIs answer
 * it in English, the portal in the person's language. A value that is itself a {@code Refusal} (a
 * state's name, an action's words) is said in the same language: Spring's message source resolves
 * every {@link MessageSourceResolvable} argument.
 */
public record Refusal(String key, Object... args) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args;
    }

    public String in(Locale locale) {
        return Translations.bundled().get(locale, key, args);
    }

    public String english() {
        return Translations.english(key, args);
    }
}
