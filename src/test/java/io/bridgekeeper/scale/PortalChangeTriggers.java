package io.bridgekeeper.scale;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row triggers that announce committed changes to the portal's open pages (V114, function
 * {@code portal_change}): for every inserted row they build a JSON payload from some of its columns and
 * {@code NOTIFY} it. Row by row that is a {@code to_jsonb} of the whole row and a notification per row, a
 * large part of a million-row insert. A bulk load switches them off in its transaction and afterwards
 * sends, in one set-based statement per table, the notifications they would have sent: one per distinct
 * payload, which is also all that PostgreSQL delivers of a transaction's identical notifications. The
 * payload is built from each trigger's own arguments (pairs of payload key and column), read from the
 * catalog, so it follows the trigger's definition.
 *
 * <p>Other insert triggers on the loaded tables are left on: the seed does not know what they maintain.
 */
final class PortalChangeTriggers {

    private record Trigger(String table, String relname, String name, char enabled, List<String> arguments) {
    }

    private final List<Trigger> triggers;

    private PortalChangeTriggers(List<Trigger> triggers) {
        this.triggers = triggers;
    }

    /** Switches off the enabled {@code portal_change} insert triggers of {@code tables}. */
    static PortalChangeTriggers disable(Connection c, List<String> tables) throws SQLException {
        List<Trigger> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select t.tgrelid::regclass::text, r.relname, quote_ident(t.tgname), t.tgenabled, t.tgargs
                from pg_trigger t join pg_class r on r.oid = t.tgrelid
                where not t.tgisinternal and t.tgenabled <> 'D' and t.tgrelid = any (?::regclass[])
                  and t.tgfoid = 'portal_change'::regproc
                  and (t.tgtype & 4) <> 0  -- fires on insert (TRIGGER_TYPE_INSERT)
                order by 1, 3
                """)) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Trigger(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4).charAt(0), arguments(rs.getBytes(5))));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (Trigger t : found) {
                s.execute("alter table " + t.table() + " disable trigger " + t.name());
            }
        }
        return new PortalChangeTriggers(found);
    }

    /**
     * Switches the triggers on again as they were and sends their notifications for the rows loaded into
     * each table: {@code loadedIds} maps a table to the first and last id loaded. Returns how many.
     */
    long enableAndAnnounce(Connection c, Map<String, long[]> loadedIds) throws SQLException {
        long sent = 0;
        try (Statement s = c.createStatement()) {
            for (Trigger t : triggers) {
                s.execute("alter table " + t.table() + " enable " + switch (t.enabled()) {
                    case 'A' -> "always ";
                    case 'R' -> "replica ";
                    default -> "";
                } + "trigger " + t.name());
            }
        }
        for (Trigger t : triggers) {
            long[] ids = loadedIds.get(t.table());
            if (ids == null) {
                continue;
            }
            // as portal_change builds it: {'t': table, key: to_jsonb(row) ->> column, ...}, nulls stripped (in one
            // jsonb_build_object rather than one per key: the same object); one per distinct combination of the
            // columns, as identical notifications of a transaction are delivered once
            StringBuilder payload = new StringBuilder("jsonb_build_object('t', ?::text");
            Set<String> columns = new LinkedHashSet<>();
            for (int i = 0; i + 1 < t.arguments().size(); i += 2) {
                String column = identifier(t.arguments().get(i + 1));
                columns.add(column);
                payload.append(", ").append(literal(t.arguments().get(i))).append(", to_jsonb(").append(column)
                        .append(") #>> '{}'");
            }
            payload.append(')');
            String distinct = columns.isEmpty() ? "1" : String.join(", ", columns);
            try (PreparedStatement ps = c.prepareStatement("select count(pg_notify('portal_change', jsonb_strip_nulls("
                    + payload + ")::text)) from (select distinct " + distinct + " from " + t.table()
                    + " where id between ? and ?) r")) {
                ps.setString(1, t.relname());
                ps.setLong(2, ids[0]);
                ps.setLong(3, ids[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sent += rs.getLong(1);
                }
            }
        }
        return sent;
    }

    /** {@code tgargs}: the trigger's arguments, each ended by a zero byte. */
    private static List<String> arguments(byte[] tgargs) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tgargs.length; i++) {
            if (tgargs[i] == 0) {
                args.add(new String(tgargs, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return args;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String identifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
