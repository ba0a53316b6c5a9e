package io.bridgekeeper.scale;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN (FORMAT binary)}: each row is encoded as it
 * is generated into a 256 KB buffer that is sent whenever it fills, so a million rows never sit in memory
 * and PostgreSQL parses no text (numbers and times arrive in their binary form). The column list fixes
 * each field's type; columns left out take their defaults, as in an {@code insert}.
 *
 * <p>Binary types used here: {@code bigint} (8 bytes), {@code int} (4), text and {@code varchar}/{@code
 * char} (UTF-8 bytes), {@code timestamptz} (microseconds since 2000-01-01 UTC) and {@code jsonb} (version
 * byte 1, then its text).
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix microseconds. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    private final int columns;
    private long rows;
    private boolean done;

    private BinaryCopy(CopyIn copy, int columns) {
        this.copy = copy;
        this.columns = columns;
        buffer.put(SIGNATURE).putInt(0).putInt(0); // no flags, no header extension
    }

    /** Starts a COPY into {@code table (columns...)} on this connection, inside its current transaction. */
    static BinaryCopy into(Connection connection, String table, String... columns) throws SQLException {
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)";
        return new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), columns.length);
    }

    /** Begins the next row; exactly one value per column follows. */
    BinaryCopy row() throws SQLException {
        room(2);
        buffer.putShort((short) columns);
        rows++;
        return this;
    }

    BinaryCopy int8(long value) throws SQLException {
        room(12);
        buffer.putInt(8).putLong(value);
        return this;
    }

    BinaryCopy int4(int value) throws SQLException {
        room(8);
        buffer.putInt(4).putInt(value);
        return this;
    }

    BinaryCopy text(String value) throws SQLException {
        return bytes(value.getBytes(StandardCharsets.UTF_8), false);
    }

    /** {@code timestamptz} from Unix microseconds. */
    BinaryCopy timestamp(long unixMicros) throws SQLException {
        return int8(unixMicros - POSTGRES_EPOCH_MICROS);
    }

    BinaryCopy jsonb(String json) throws SQLException {
        return bytes(json.getBytes(StandardCharsets.UTF_8), true);
    }

    BinaryCopy nul() throws SQLException {
        room(4);
        buffer.putInt(-1);
        return this;
    }

    /** Sends the rest and ends the COPY; returns the rows PostgreSQL took in. */
    long finish() throws SQLException {
        room(2);
        buffer.putShort((short) -1);
        flush();
        done = true;
        long taken = copy.endCopy();
        if (taken != rows) {
            throw new IllegalStateException("COPY took " + taken + " rows of " + rows);
        }
        return taken;
    }

    /** A COPY not finished (an exception on the way) is cancelled, so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private BinaryCopy bytes(byte[] value, boolean jsonbVersion) throws SQLException {
        int length = value.length + (jsonbVersion ? 1 : 0);
        room(4 + length);
        buffer.putInt(length);
        if (jsonbVersion) {
            buffer.put((byte) 1);
        }
        buffer.put(value);
        return this;
    }

    private void room(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
            if (buffer.remaining() < bytes) {
                throw new IllegalArgumentException("A field of " + bytes + " bytes does not fit the COPY buffer");
            }
        }
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
