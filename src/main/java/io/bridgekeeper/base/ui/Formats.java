package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the portal writes times, in one place and one style: the person's own, as their browser says —
 * its language's date and time format ("4 Dec 2026, 14:05" in British English, "04.12.2026, 14:05" in
 * German, "Dec 4, 2026, 2:05 PM" in American English) in the browser's time zone. The audit and incident
 * pages write the same format in UTC, marked so, to match the exports and the logs. Outside a page (tests,
 * background work without a UI) the server's zone and default locale stand in.
 */
public final class Formats {

    private static final ZoneId SERVER = ZoneId.systemDefault();
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();

    private Formats() {
    }

    /** The date: 3 Dec 2026 */
    public static String day(Instant at) {
        return format(at, FormatStyle.MEDIUM, null, false, zone());
    }

    /** Date and time to the minute: 3 Dec 2026, 14:05 */
    public static String minute(Instant at) {
        return format(at, FormatStyle.MEDIUM, FormatStyle.SHORT, false, zone());
    }

    /** To the second: 3 Dec 2026, 14:05:09 */
    public static String second(Instant at) {
        return format(at, FormatStyle.MEDIUM, FormatStyle.MEDIUM, false, zone());
    }

    /** To the millisecond: 3 Dec 2026, 14:05:09.123 */
    public static String precise(Instant at) {
        return format(at, FormatStyle.MEDIUM, FormatStyle.MEDIUM, true, zone());
    }

    /** Events of the last days, to the second (the same format as {@link #second}). */
    public static String recent(Instant at) {
        return second(at);
    }

    /** The time of day: 14:05 */
    public static String timeOfDay(Instant at) {
        return format(at, null, FormatStyle.SHORT, false, zone());
    }

    /** In UTC, to the second, marked: 3 Dec 2026, 14:05:09 UTC */
    public static String utc(Instant at) {
        return at == null ? "—" : format(at, FormatStyle.MEDIUM, FormatStyle.MEDIUM, false, ZoneOffset.UTC) + " UTC";
    }

    /** The UTC date: 3 Dec 2026 */
    public static String utcDate(Instant at) {
        return format(at, FormatStyle.MEDIUM, null, false, ZoneOffset.UTC);
    }

    /** The UTC time of day to the second: 14:05:09 */
    public static String utcTime(Instant at) {
        return format(at, null, FormatStyle.MEDIUM, false, ZoneOffset.UTC);
    }

    /** 20261203-140509 (UTC), for file names. */
    public static String fileStamp(Instant at) {
        return FILE_STAMP.format(at);
    }

    private static String format(Instant at, FormatStyle date, FormatStyle time, boolean millis, ZoneId zone) {
        if (at == null) {
            return "—";
        }
        Locale locale = locale();
        String key = locale.toLanguageTag() + "|" + date + "|" + time + "|" + millis + "|" + zone.getId();
        return CACHE.computeIfAbsent(key, k -> {
            String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, time, IsoChronology.INSTANCE, locale);
            if (millis) {
                pattern = pattern.replace("ss", "ss.SSS");
            }
            return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
        }).format(at);
    }

    /** The browser's language (Vaadin takes it from the request), or the server's default outside a page. */
    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.getDefault() : ui.getLocale();
    }

    /** The browser's time zone as it reported it, or the server's outside a page or before it reported. */
    private static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return SERVER;
        }
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return SERVER;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return SERVER;
        }
    }
}
