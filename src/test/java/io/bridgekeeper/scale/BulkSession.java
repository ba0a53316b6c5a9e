package io.bridgekeeper.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What every transaction of a bulk load does first: its settings, and the ids it will give its rows. */
final class BulkSession {

    private BulkSession() {
    }

    /** The large seed's parts that run side by side, each a transaction on a connection of its own. */
    static final int PARTS = 2;

    /**
     * Settings for this transaction only ({@code set local}): index builds sort in memory rather than in
     * temporary files, and start parallel workers only for cores the seed's parts leave free. On two cores
     * both are busy with the two parts from start to end, and a worker only adds coordination: measured
     * with workers, PostgreSQL spent about 5 s more CPU on the seed, and the seed was no faster.
     */
    static void prepare(Statement s) throws SQLException {
        s.execute("set local maintenance_work_mem = '256MB'");
        s.execute("set local max_parallel_maintenance_workers = " + workers(PARTS));
    }

    /** Parallel workers an index build may start while {@code running} parts share the machine's cores. */
    static int workers(int running) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(0, cores - running) / Math.max(1, running);
    }

    /**
     * Takes {@code n} consecutive ids from the identity sequence of {@code table}'s {@code id} and returns the
     * first. The caller holds the table's lock, so no other insert takes an id in between; COPY writes the
     * ids given (as {@code overriding system value} would), and the rows can refer to each other by them.
     */
    static long reserveIds(Connection c, String table, long n) throws SQLException {
        if (n == 0) {
            return 0;
        }
        try (PreparedStatement next = c.prepareStatement("select nextval(pg_get_serial_sequence(?, 'id'))")) {
            next.setString(1, table);
            long first;
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
            }
            try (PreparedStatement set = c.prepareStatement("select setval(pg_get_serial_sequence(?, 'id'), ?)")) {
                set.setString(1, table);
                set.setLong(2, first + n - 1);
                set.execute();
            }
            return first;
        }
    }
}
