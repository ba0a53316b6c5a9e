package io.bridgekeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal speaks English and German (issue 17): every bundle has both, with the same keys; every key
 * the code names exists; and the portal's code writes no visible text of its own, only keys.
 */
class TranslationsTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** Calls that put text on the screen, with a literal (containing a letter) where a translation belongs. */
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "(new (Button|H[1-6]|Span|Paragraph|Anchor|RouterLink|NativeLabel|Div|ListItem|Emphasis|Strong|Pre|Details|Tab"
                    + "|TextField|TextArea|IntegerField|NumberField|BigDecimalField|EmailField|PasswordField|Checkbox|ComboBox"
                    + "|MultiSelectComboBox|Select|RadioButtonGroup|CheckboxGroup|DatePicker|DateTimePicker|TimePicker"
                    + "|SideNavItem|MenuItem|StatCard|ConfirmDialog|Notification|Badge)"
                    + "|\\.(setText|setLabel|setHelperText|setPlaceholder|setHeader|setHeaderText|setHeaderTitle|setTitle"
                    + "|setTooltipText|setAriaLabel|setErrorMessage|setSummaryText|setConfirmText|setCancelText|setRejectText"
                    + "|setEmptyStateText|addItem|setProperty\\(\"title\",|setAttribute\\(\"(aria-label|title)\",)"
                    + "|\\bmuted|Notifications\\.(success|error|warning)|Notification\\.show"
                    + "|@PageTitle)"
                    // a literal with words in it; not an id, class name or route (lowercase-dashed), not the product's name,
                    // not an example value (a URL, an e-mail address)
                    + "\\(\\s*\"(?![a-z0-9/-]+\")(?!Bridgekeeper\")(?!https?://)(?![^\"\\s]+@[^\"\\s]+\")[^\"]*[A-Za-z]{2}");

    /** A key named in code: getTranslation("a.b"), t("a.b"), words.get("a.b"), new Refusal("a.b", ...). */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(getTranslation|translate|\\bwords\\.get|\\bt|new Refusal|Translations\\.english)\\(\\s*\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9_-]+)+)\"");

    @Test
    void every_bundle_has_english_and_german_with_the_same_keys() throws IOException {
        assertThat(Translations.bundled().basenames()).isNotEmpty();
        for (String basename : Translations.bundled().basenames()) {
            Properties en = load(basename + ".properties");
            Properties de = load(basename + "_de.properties");
            assertThat(en).as(basename + ".properties").isNotNull();
            assertThat(de).as(basename + "_de.properties").isNotNull();
            assertThat(new TreeSet<>(de.stringPropertyNames())).as("keys of " + basename + "_de against the English")
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        }
    }

    @Test
    void every_text_is_a_valid_pattern_with_its_apostrophes_doubled() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern lonelyApostrophe = Pattern.compile("(?<!')'(?!')");
        for (String basename : Translations.bundled().basenames()) {
            for (String file : List.of(basename + ".properties", basename + "_de.properties")) {
                Properties p = load(file);
                for (String key : p.stringPropertyNames()) {
                    String value = p.getProperty(key);
                    if (value.isBlank()) {
                        problems.add(file + " " + key + ": empty");
                    } else if (lonelyApostrophe.matcher(value).find()) {
                        problems.add(file + " " + key + ": write an apostrophe as '' (the text is a MessageFormat pattern)");
                    } else {
                        try {
                            new MessageFormat(value).format(new Object[10]);
                        } catch (IllegalArgumentException e) {
                            problems.add(file + " " + key + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_key_the_code_names_exists() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : mainSources()) {
            Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(2);
                if (Translations.bundled().find(Translations.ENGLISH, key) == null
                        || Translations.bundled().find(Translations.GERMAN, key) == null) {
                    missing.add(key + " (" + file.getFileName() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Every enum with a {@code label()} has it in German too, and its English is the label itself. */
    @Test
    void every_labelled_enum_speaks_both_languages() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : mainSources()) {
            String source = Files.readString(file);
            if (!source.contains("public enum ") || !source.contains("String label()")) {
                continue;
            }
            String name = MAIN.relativize(file).toString().replace('/', '.').replaceFirst("\\.java$", "");
            Class<?> type = Class.forName(name);
            for (Object constant : type.getEnumConstants()) {
                String key = "enum." + type.getSimpleName() + "." + ((Enum<?>) constant).name();
                String label = (String) type.getMethod("label").invoke(constant);
                String en = Translations.bundled().find(Translations.ENGLISH, key);
                if (!label.equals(en)) {
                    problems.add(key + ": English is " + en + ", label() says " + label);
                }
                if (Translations.bundled().find(Translations.GERMAN, key) == null) {
                    problems.add(key + ": no German");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_portal_writes_no_text_of_its_own_only_translation_keys() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path file : mainSources().stream().filter(f -> f.toString().contains("/ui/")).toList()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (LITERAL_TEXT.matcher(lines.get(i)).find()) {
                    literals.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(literals).as("visible text written in code; put it in src/main/resources/i18n/ and use its key").isEmpty();
    }

    @Test
    void a_refusal_answers_the_api_in_english_and_the_portal_in_the_persons_language() {
        DomainException taken = DomainException.conflictOnField("slug-taken", "slug",
                new Refusal("refusal.vendor.slug-taken", "acme-cams"));
        assertThat(taken.getMessage()).isEqualTo("The slug 'acme-cams' is already taken.");
        assertThat(taken.message(Translations.GERMAN)).isEqualTo("Das Kürzel „acme-cams“ ist bereits vergeben.");
        assertThat(taken.message(java.util.Locale.FRENCH)).isEqualTo(taken.getMessage());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field()).isEqualTo("slug");
    }

    @Test
    void a_language_without_a_bundle_gets_english_not_the_servers() {
        Translations t = Translations.bundled();
        String anyKey = t.basenames().stream().findFirst().map(b -> {
            try {
                return load(b + ".properties").stringPropertyNames().iterator().next();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).orElseThrow();
        assertThat(t.get(java.util.Locale.FRENCH, anyKey)).isEqualTo(t.get(Translations.ENGLISH, anyKey));
        assertThat(t.get(java.util.Locale.ENGLISH, "no.such.key")).isEqualTo("!no.such.key!");
    }

    /** Every Java source file of the application. */
    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
