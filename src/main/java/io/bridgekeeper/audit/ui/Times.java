package io.bridgekeeper.audit.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The audit and incident views show time in UTC, to the second, so that it matches the exports and logs. */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String format(Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }
}
