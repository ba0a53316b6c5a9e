package io.bridgekeeper.base.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the portal writes times: in the server's zone, to the minute (or the second where order matters). */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String minute(Instant at) {
        return at == null ? "—" : MINUTE.format(at);
    }

    public static String precise(Instant at) {
        return at == null ? "—" : PRECISE.format(at);
    }
}
