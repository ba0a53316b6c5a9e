package io.bridgekeeper.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The secondary indexes, unique constraints and foreign keys of the tables a bulk load fills, dropped
 * before the load and built again after it. A row copied into a table without them costs one heap
 * insert instead of one per index plus a foreign-key lookup (with a row lock on the referenced row), and
 * an index built at once from all rows is a sort rather than a million descents of a growing tree.
 *
 * <p>Each one is recreated from the definition PostgreSQL prints for it ({@code pg_get_indexdef},
 * {@code pg_get_constraintdef}) just before it is dropped, never from DDL written here, so what the
 * load leaves behind is what the migrations made. Re-adding a foreign key checks every row against the
 * referenced table and a unique index refuses duplicates as it is built: the loaded rows pass the
 * same checks as rows the application inserts, only once and in bulk.
 *
 * <p>Primary keys stay: other tables' foreign keys depend on them, and their ascending ids cost little
 * to insert. Everything happens in the caller's transaction, so other sessions never see a table
 * without its indexes (they wait on its lock) and a failed load leaves the schema as it was.
 */
final class DeferredIndexes {

    /** One object to build again: its name (for the figures) and the statement that builds it. */
    record Definition(String kind, String table, String name, String ddl) {
    }

    private final List<Definition> indexes;
    private final List<Definition> foreignKeys;

    private DeferredIndexes(List<Definition> indexes, List<Definition> foreignKeys) {
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    /**
     * The tables whose rows the foreign keys of {@code tables} reference: dropping such a key locks the
     * referenced table too, so a loader locks these up front with its own tables (in one statement, so
     * no application transaction can take one of them between two of the loader's lock requests).
     */
    static List<String> referencedTables(Connection c, List<String> tables) throws SQLException {
        return strings(c, """
                select distinct confrelid::regclass::text from pg_constraint
                where contype = 'f' and conrelid = any (?::regclass[]) and confrelid <> all (?::regclass[])
                order by 1
                """, tables, tables);
    }

    /** Reads the definitions, then drops foreign keys, unique constraints and indexes (in that order). */
    static DeferredIndexes drop(Connection c, List<String> tables) throws SQLException {
        List<Definition> foreignKeys = definitions(c, """
                select 'foreign key', conrelid::regclass::text, quote_ident(conname),
                       format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                from pg_constraint where contype = 'f' and conrelid = any (?::regclass[])
                order by conrelid::regclass::text, conname
                """, tables);
        // a unique or exclusion constraint is its index: it is re-added as the constraint (same name, same
        // definition); one that a foreign key references stays, as a primary key does
        List<Definition> constraints = definitions(c, """
                select 'constraint', conrelid::regclass::text, quote_ident(conname),
                       format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                from pg_constraint k
                where contype in ('u', 'x') and conrelid = any (?::regclass[])
                  and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = k.conindid)
                order by conrelid::regclass::text, conname
                """, tables);
        List<Definition> plain = definitions(c, """
                select 'index', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                from pg_index i
                where i.indrelid = any (?::regclass[]) and not i.indisprimary
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                order by i.indrelid::regclass::text, i.indexrelid::regclass::text
                """, tables);
        try (Statement s = c.createStatement()) {
            for (Definition fk : foreignKeys) {
                s.execute("alter table " + fk.table() + " drop constraint " + fk.name());
            }
            for (Definition k : constraints) {
                s.execute("alter table " + k.table() + " drop constraint " + k.name());
            }
            for (Definition i : plain) {
                s.execute("drop index " + i.name());
            }
        }
        List<Definition> indexes = new ArrayList<>(constraints);
        indexes.addAll(plain);
        return new DeferredIndexes(indexes, foreignKeys);
    }

    /** Builds the unique constraints and indexes again, each timed into {@code phases}. */
    void buildIndexes(Connection c, SeedPhases phases) throws SQLException {
        build(c, indexes, "indexes", phases, null);
    }

    /**
     * As {@link #buildIndexes(Connection, SeedPhases)}, asking {@code workers} before each build how many
     * parallel workers it may start: a loader whose neighbour has finished can use the cores it left.
     */
    void buildIndexes(Connection c, SeedPhases phases, IntSupplier workers) throws SQLException {
        build(c, indexes, "indexes", phases, workers);
    }

    /** Adds the foreign keys again; each one checks every loaded row. */
    void addForeignKeys(Connection c, SeedPhases phases) throws SQLException {
        build(c, foreignKeys, "foreign keys", phases, null);
    }

    private static void build(Connection c, List<Definition> definitions, String phase, SeedPhases phases,
                              IntSupplier workers) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Definition d : definitions) {
                if (workers != null) {
                    s.execute("set local max_parallel_maintenance_workers = " + workers.getAsInt());
                }
                long t = System.nanoTime();
                // an index of a partitioned table prints as "ON ONLY": built that way it would cover no partition
                s.execute(d.ddl().replace(" ON ONLY ", " ON "));
                phases.step(phase, d.kind() + " " + d.name(), -1, System.nanoTime() - t);
            }
        }
    }

    private static List<Definition> definitions(Connection c, String sql, List<String> tables) throws SQLException {
        List<Definition> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return found;
    }

    private static List<String> strings(Connection c, String sql, List<String> first, List<String> second)
            throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", first.toArray()));
            ps.setArray(2, c.createArrayOf("text", second.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
