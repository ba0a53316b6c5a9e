package io.bridgekeeper.base.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the portal writes times, in one place. People's pages use the server's zone, to the minute (or
 * the second where order matters); the audit and incident pages use UTC to the second, so that they
 * match the exports and the logs.
 */
public final class Formats {

    private static final ZoneId LOCAL = ZoneId.systemDefault();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(LOCAL);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(LOCAL);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss").withZone(LOCAL);
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss.SSS")
            .withZone(LOCAL);
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("d MMM, HH:mm:ss").withZone(LOCAL);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm").withZone(LOCAL);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 3 Dec 2026 */
    public static String day(Instant at) {
        return at == null ? "—" : DAY.format(at);
    }

    /** 3 Dec 2026, 14:05 */
    public static String minute(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }

    /** 3 Dec 2026, 14:05:09 */
    public static String second(Instant at) {
        return at == null ? "—" : SECOND.format(at);
    }

    /** 3 Dec 2026, 14:05:09.123 */
    public static String precise(Instant at) {
        return at == null ? "—" : PRECISE.format(at);
    }

    /** 3 Dec, 14:05:09: events of the last days, where the year goes without saying. */
    public static String recent(Instant at) {
        return at == null ? "—" : RECENT.format(at);
    }

    /** 14:05 */
    public static String timeOfDay(Instant at) {
        return at == null ? "—" : TIME_OF_DAY.format(at);
    }

    /** 2026-12-03 14:05:09 UTC */
    public static String utc(Instant at) {
        return at == null ? "—" : UTC.format(at);
    }

    /** 2026-12-03 (UTC) */
    public static String utcDate(Instant at) {
        return at == null ? "—" : UTC_DATE.format(at);
    }

    /** 14:05:09 (UTC) */
    public static String utcTime(Instant at) {
        return at == null ? "—" : UTC_TIME.format(at);
    }

    /** 20261203-140509 (UTC), for file names. */
    public static String fileStamp(Instant at) {
        return FILE_STAMP.format(at);
    }
}
