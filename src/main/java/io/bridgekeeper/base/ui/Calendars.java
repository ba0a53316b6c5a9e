package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.text.DateFormatSymbols;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.Locale;

/** A date picker's calendar in the page's language: month and day names, first day of the week, its buttons. */
public final class Calendars {

    private Calendars() {
    }

    public static <T extends DateTimePicker> T inPageLanguage(T picker) {
        picker.setDatePickerI18n(i18n(Words.pageLocale()));
        return picker;
    }

    static DatePicker.DatePickerI18n i18n(Locale locale) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                // Sunday first, as the component expects; index 0 of the symbols is empty
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(t("base.calendar.today"))
                .setCancel(t("base.cancel"));
    }
}
