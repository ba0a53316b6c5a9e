package io.bridgekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No form cuts what a person typed or pasted (issue 17): limits are shown and refused, never applied silently. */
class LimitsTest {

    @Test
    void an_over_long_text_is_kept_whole_counted_and_marked_with_a_clear_error() {
        TextArea reason = new TextArea("Reason");
        Limits.count(reason, 10);
        assertThat(reason.getHelperText()).isEqualTo("0 / 10");

        reason.setValue("x".repeat(25));

        assertThat(reason.getValue()).hasSize(25);
        assertThat(reason.getMaxLength()).as("no browser maxlength").isZero();
        assertThat(reason.getHelperText()).isEqualTo("25 / 10");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("At most 10 characters: this has 25.");

        reason.setValue("short");
        assertThat(reason.isInvalid()).isFalse();
        assertThat(reason.getHelperText()).isEqualTo("5 / 10");
    }

    @Test
    void a_hint_comes_before_the_count() {
        TextArea reason = new TextArea("Reason");
        Limits.count(reason, 2000, "Shown to admins");
        reason.setValue("abc");
        assertThat(reason.getHelperText()).isEqualTo("Shown to admins · 3 / 2000");
    }

    @Test
    void no_field_of_the_portal_sets_a_browser_maxlength_that_would_cut_a_paste() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> cutting = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains(".setMaxLength(")).map(Path::toString).toList();
            assertThat(cutting).as("use Limits.count: the browser's maxlength cuts a paste without a word").isEmpty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
