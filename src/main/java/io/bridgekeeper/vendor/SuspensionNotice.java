package io.bridgekeeper.vendor;

import io.bridgekeeper.base.Translations;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What a household is told of a suspended vendor: in plain words, with the expected restoration if
 * known. {@code scope} holds every capability when the whole integration is suspended.
 */
public record SuspensionNotice(long vendorId, String vendorName, Set<Capability> scope, SuspensionReason reason,
                               Instant expectedRestoration) {

    /** Why, in the words a household reads: "to protect your privacy while a problem is investigated". */
    public String plainWords(Locale locale) {
        return Translations.bundled().get(locale, "enum.SuspensionReason." + reason.name() + ".plain");
    }

    /** Only some capabilities are suspended: the rest of the integration works. */
    public boolean partial() {
        return scope != null && !scope.isEmpty() && !scope.containsAll(java.util.EnumSet.allOf(Capability.class));
    }

    public String message(Locale locale) {
        Translations words = Translations.bundled();
        String why = plainWords(locale);
        if (!partial()) {
            return words.get(locale, "vendor.notice.suspended", why);
        }
        String what = scope.stream().sorted().map(c -> words.get(locale, "vendor.notice.what." + c.name()))
                .collect(java.util.stream.Collectors.joining(words.get(locale, "vendor.notice.and")));
        return words.get(locale, "vendor.notice.partly", Character.toUpperCase(what.charAt(0)) + what.substring(1), why);
    }

    /** What a camera of this vendor may still show on a display: nothing, snapshots only, or live video only. */
    public String imagesLine(Locale locale, String displays) {
        Translations words = Translations.bundled();
        String plainWords = plainWords(locale);
        boolean all = scope == null || scope.isEmpty();
        boolean stream = all || scope.contains(Capability.CAMERA_STREAM);
        boolean snapshot = all || scope.contains(Capability.SNAPSHOT);
        if (stream && snapshot) {
            return words.get(locale, "vendor.notice.images-none", vendorName, plainWords);
        }
        if (stream) {
            return words.get(locale, "vendor.notice.images-snapshots", displays, plainWords);
        }
        if (snapshot) {
            return words.get(locale, "vendor.notice.images-stream", displays, plainWords);
        }
        return null;
    }
}
