package io.bridgekeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Garden camera", "Küche – Kamera 2", "客厅", "Camera 📷", "O'Brien & Sons (\"north\")"})
    void ordinary_names_in_any_script_are_fine(String name) {
        assertThat(TextRules.nameProblem(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u001b[31mred", "a\u0007", "tab\there", "two\nlines", "\u0085next", "\u009b31m",
            "Garden \u202egpj.exe", "\u2066isolated\u2069", "mark\u200f", "\ud800alone", "end\udc00"})
    void control_bidi_and_broken_characters_are_refused_in_names(String name) {
        assertThat(TextRules.nameProblem(name)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "tab\tseparated", "windows\r\nbreaks"})
    void free_text_may_span_lines(String text) {
        assertThat(TextRules.textProblem(text)).isNull();
        assertThat(TextRules.nameProblem(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u001b[2J", "\u202e", "x\u0008"})
    void free_text_still_refuses_nul_escapes_and_overrides(String text) {
        assertThat(TextRules.textProblem(text)).isNotNull();
    }
}
