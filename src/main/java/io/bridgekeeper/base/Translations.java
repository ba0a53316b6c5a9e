package io.bridgekeeper.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The portal's words in English and German: every bundle under {@code i18n/} on the class path
 * ({@code vendor.properties} with {@code vendor_de.properties}, ...), each module owning its own, read
 * through Spring's {@link ResourceBundleMessageSource}. Values are {@link java.text.MessageFormat}
 * patterns, always (an apostrophe is written {@code ''}). A locale without a bundle of its own gets
 * English, never the server's language. The portal reads these through Vaadin's i18n
 * ({@code base.ui.PortalI18N}); the APIs answer in English, from the same bundles.
 */
public final class Translations {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;

    private static final Translations BUNDLED = new Translations();

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final Set<String> basenames;

    private Translations() {
        basenames = discoverBasenames();
        messages.setBasenames(basenames.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        messages.setDefaultLocale(ENGLISH);
    }

    /** The bundles shipped with the application. */
    public static Translations bundled() {
        return BUNDLED;
    }

    /** The text for {@code key} in {@code locale} (English when that language has no bundle), or null when no bundle has the key. */
    public String find(Locale locale, String key, Object... args) {
        try {
            return messages.getMessage(key, args, locale == null ? ENGLISH : locale);
        } catch (NoSuchMessageException missing) {
            return null;
        }
    }

    /** The text for {@code key}, or {@code fallback} when no bundle words it (a stored code shown as it is). */
    public String orElse(Locale locale, String key, String fallback, Object... args) {
        String text = find(locale, key, args);
        return text == null ? fallback : text;
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} so that it is seen, not hidden. */
    public String get(Locale locale, String key, Object... args) {
        String text = find(locale, key, args);
        return text == null ? "!" + key + "!" : text;
    }

    /** The English text: what the APIs and the logs say. */
    public static String english(String key, Object... args) {
        return BUNDLED.get(ENGLISH, key, args);
    }

    /** The bundles' base names, {@code i18n/vendor} for {@code i18n/vendor.properties} and {@code i18n/vendor_de.properties}. */
    public Set<String> basenames() {
        return basenames;
    }

    private static Set<String> discoverBasenames() {
        try {
            Set<String> names = new TreeSet<>();
            for (Resource r : new PathMatchingResourcePatternResolver(Translations.class.getClassLoader())
                    .getResources("classpath*:i18n/*.properties")) {
                String file = r.getFilename();
                if (file != null) {
                    names.add("i18n/" + file.replaceFirst("\\.properties$", "").replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", ""));
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the translation bundles under i18n/", e);
        }
    }
}
