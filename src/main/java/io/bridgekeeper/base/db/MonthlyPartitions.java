package io.bridgekeeper.base.db;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The month partitions of the history tables (V121), by table name: which exist, creating one, detaching
 * and dropping one. Knows no table of its own; the owners name theirs in {@link MonthlyHistory} beans.
 * Detaching runs {@code CONCURRENTLY} (no lock that blocks readers or writers of the other months), which
 * PostgreSQL refuses inside a transaction: call it outside one.
 */
@Component
public class MonthlyPartitions {

    private static final Pattern SUFFIX = Pattern.compile("_(\\d{4})_(\\d{2})$");

    private final JdbcTemplate jdbc;

    MonthlyPartitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One month of a history: its partition, whether it is still attached, its size on disk. */
    public record Partition(String table, YearMonth month, String name, boolean attached, long bytes) {
    }

    /** The table's partition for {@code month}'s name, e.g. {@code telemetry_2026_12}. */
    public static String name(String table, YearMonth month) {
        return "%s_%04d_%02d".formatted(table, month.getYear(), month.getMonthValue());
    }

    /**
     * The month partitions of {@code table}, oldest first: attached ones, and detached ones that a run
     * stopped before dropping (a detach left pending counts as detached).
     */
    public List<Partition> list(String table) {
        List<Partition> partitions = new ArrayList<>();
        jdbc.query("""
                select c.relname, coalesce(not i.inhdetachpending, false) as attached,
                       pg_total_relation_size(c.oid) as bytes
                from pg_class c
                left join pg_inherits i on i.inhrelid = c.oid and i.inhparent = to_regclass(?)
                where c.relkind = 'r' and c.relnamespace = (select n.oid from pg_namespace n where n.nspname = current_schema())
                  and c.relname ~ ('^' || ? || '_[0-9]{4}_[0-9]{2}$')
                order by c.relname
                """, rs -> {
            Matcher m = SUFFIX.matcher(rs.getString("relname"));
            if (m.find()) {
                partitions.add(new Partition(table, YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                        rs.getString("relname"), rs.getBoolean("attached"), rs.getLong("bytes")));
            }
        }, table, table);
        return partitions;
    }

    /** Creates the month's partition unless it exists; true when it was created. */
    public boolean create(String table, YearMonth month) {
        return jdbc.queryForObject("select history_create_month(?, ?)", String.class, table, month.atDay(1)) != null;
    }

    /** How many rows the month holds (exact: it is what the audit event of its archive or drop reports). */
    public long rows(String table, YearMonth month) {
        return jdbc.queryForObject("select count(*) from " + quoted(name(table, month)), Long.class);
    }

    /**
     * Detaches the month's partition (CONCURRENTLY, outside any transaction), finishing a detach that an
     * earlier run left pending. Afterwards the table no longer sees the month's rows; the partition stays
     * as a table of its own until {@link #drop}.
     */
    public void detach(String table, YearMonth month) {
        String partition = name(table, month);
        Boolean pending = jdbc.query("""
                select i.inhdetachpending from pg_inherits i
                where i.inhparent = to_regclass(?) and i.inhrelid = to_regclass(?)
                """, rs -> rs.next() ? rs.getBoolean(1) : null, table, partition);
        if (pending == null) {
            return;
        }
        jdbc.execute("alter table " + quoted(table) + " detach partition " + quoted(partition)
                + (pending ? " finalize" : " concurrently"));
    }

    /** Drops a detached month partition for good. */
    public void drop(String table, YearMonth month) {
        jdbc.execute("drop table if exists " + quoted(name(table, month)));
    }

    private static String quoted(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + name);
        }
        return '"' + name + '"';
    }
}
