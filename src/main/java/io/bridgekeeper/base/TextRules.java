package io.bridgekeeper.base;

/**
 * What text the platform stores, in one place for the APIs (request bodies, see
 * {@code base.web.StrictApiInput}), the services and the portal's forms: no NUL or other control
 * character (an ANSI escape sequence starts with one), no text-direction override or isolate (they
 * make "gpj.exe" read as "exe.jpg" in a grid), no unpaired surrogate (not Unicode at all). Names are a
 * single line; free text (descriptions, notes, reasons) may hold line breaks and tabs.
 */
public final class TextRules {

    private TextRules() {
    }

    /** What is wrong with a name or other one-line value, or null when nothing is. */
    public static String nameProblem(String value) {
        return problem(value, false);
    }

    /** What is wrong with free text that may span lines, or null when nothing is. */
    public static String textProblem(String value) {
        return problem(value, true);
    }

    public static String problem(String value, boolean multiline) {
        Refusal refusal = refusal(value, multiline);
        return refusal == null ? null : refusal.english();
    }

    /** {@link #nameProblem(String)} in {@code locale}'s words (the portal's live check). */
    public static String nameProblem(String value, java.util.Locale locale) {
        Refusal refusal = refusal(value, false);
        return refusal == null ? null : refusal.in(locale);
    }

    /** What is wrong, as translatable words; null when nothing is. */
    public static Refusal refusal(String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return new Refusal("refusal.text.nul");
            }
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return c == '\n' || c == '\r' || c == '\t'
                        ? new Refusal("refusal.text.single-line")
                        : new Refusal("refusal.text.control", codePoint(c));
            }
            if (isDirectionControl(c)) {
                return new Refusal("refusal.text.direction", codePoint(c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Refusal("refusal.text.invalid", codePoint(c));
            }
        }
        return null;
    }

    /** Throws a field-specific 400 when the one-line value breaks the rules. */
    public static void requireCleanName(String field, String value) {
        Refusal problem = refusal(value, false);
        if (problem != null) {
            throw DomainException.invalidField("invalid-text", field, problem);
        }
    }

    /** Throws a field-specific 400 when the free text breaks the rules. */
    public static void requireCleanText(String field, String value) {
        Refusal problem = refusal(value, true);
        if (problem != null) {
            throw DomainException.invalidField("invalid-text", field, problem);
        }
    }

    /** Bidirectional embeddings, overrides, isolates and marks (Unicode's Bidi_Control property). */
    private static boolean isDirectionControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
