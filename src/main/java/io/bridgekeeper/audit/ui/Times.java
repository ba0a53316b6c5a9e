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

    static String format(Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }
}
