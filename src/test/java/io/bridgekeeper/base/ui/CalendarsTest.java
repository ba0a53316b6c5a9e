package io.bridgekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A date picker's calendar speaks the page's language and starts the week where its readers do. */
class CalendarsTest {

    @Test
    void a_german_calendar_names_months_and_days_in_german_and_starts_on_monday() {
        var german = Calendars.i18n(Locale.GERMANY);
        assertThat(german.getMonthNames()).hasSize(12).startsWith("Januar").contains("März");
        assertThat(german.getWeekdays()).hasSize(7).startsWith("Sonntag");
        assertThat(german.getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void an_american_calendar_starts_on_sunday_and_a_british_one_on_monday() {
        assertThat(Calendars.i18n(Locale.US).getFirstDayOfWeek()).isZero();
        assertThat(Calendars.i18n(Locale.UK).getFirstDayOfWeek()).isEqualTo(1);
        assertThat(Calendars.i18n(Locale.US).getMonthNames()).startsWith("January");
    }
}
