package io.bridgekeeper.base.db;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A history table partitioned by month (migration V121), declared by the module that owns it as a bean:
 * its partitions are created ahead, and a month whose end lies longer ago than {@code keep} leaves the
 * database — dropped, or first archived when {@code archived} (the audit log: its owner archives it).
 */
public record MonthlyHistory(String table, Duration keep, boolean archived) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public MonthlyHistory {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException(table + ": keep must be positive, not " + keep);
        }
    }

    /**
     * The months that must have a partition at {@code now}: from last month (or, for a dropped history, the
     * oldest month it still keeps, so a late write within the policy has a home) to {@code ahead} months
     * after this one. The audit log is written only at the clock's now, so last month is its oldest.
     */
    public List<YearMonth> monthsToHave(Instant now, int ahead) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth from = current.minusMonths(1);
        YearMonth kept = YearMonth.from(now.minus(keep).atZone(ZoneOffset.UTC));
        if (!archived && kept.isBefore(from)) {
            from = kept;
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(current.plusMonths(ahead)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** A history whose old months are dropped. */
    public static MonthlyHistory dropped(String table, Duration keep) {
        return new MonthlyHistory(table, keep, false);
    }
}
