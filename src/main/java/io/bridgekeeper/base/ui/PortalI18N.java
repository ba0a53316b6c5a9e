package io.bridgekeeper.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.bridgekeeper.base.Translations;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Vaadin's i18n for the portal: {@code getTranslation(key, args)} in any view reads
 * {@link Translations}, in the page's language (the browser's, see {@link BrowserLocale}): German for
 * a German browser, English for everyone else.
 */
@Component
class PortalI18N implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(PortalI18N.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Translations.ENGLISH, Translations.GERMAN);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String text = Translations.bundled().find(locale, key, params);
        if (text == null) {
            log.warn("No translation for key {} ({})", key, locale);
            return "!" + key + "!";
        }
        return text;
    }
}
