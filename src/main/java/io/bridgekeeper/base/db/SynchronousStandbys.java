package io.bridgekeeper.base.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many standbys PostgreSQL's {@code synchronous_standby_names} makes a commit wait for: {@code k} of
 * {@code FIRST k (...)}, {@code ANY k (...)} or {@code k (...)}; 1 for the older list form
 * {@code a, b}; 0 when it is empty (commits wait for no standby).
 */
record SynchronousStandbys(int waitFor) {

    private static final Pattern COUNTED = Pattern.compile("^\\s*(?:(?:ANY|FIRST)\\s+)?(\\d+)\\s*\\(.*\\)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static SynchronousStandbys parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return new SynchronousStandbys(0);
        }
        Matcher m = COUNTED.matcher(setting);
        return new SynchronousStandbys(m.matches() ? Integer.parseInt(m.group(1)) : 1);
    }
}
