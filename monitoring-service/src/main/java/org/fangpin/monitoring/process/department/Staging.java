package org.fangpin.monitoring.process.department;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import org.fangpin.monitoring.process.department.DepartmentRowParser.StagedRow;

/**
 * Streams valid rows into the batch's own staging table with PostgreSQL's binary COPY, on a connection of its own
 * in auto-commit mode: each {@link #commit()} ends one COPY, one short transaction, so progress is visible while the
 * file is still arriving. Binary, because the rows are validated here already: PostgreSQL then neither splits lines
 * nor parses numbers and dates again, which was most of its work on the text format. Written here rather than with
 * PgBulkInsert, which was measurably slower on this path (docs/decisions/0041).
 */
final class Staging implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 18;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short FIELDS = 6;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int NUMERIC_BASE = 10_000;

    private final Connection connection;
    private final CopyManager copyManager;
    private final String copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(FLUSH_BYTES + 4096);
    private CopyIn in;

    Staging(DataSource dataSource, String batchId) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(true);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        String table = table(batchId);
        this.copy = "COPY " + table + " FROM STDIN (FORMAT binary)";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNLOGGED TABLE " + table + " (line_no BIGINT NOT NULL, id_number VARCHAR(18), "
                    + "household_id VARCHAR(64), indicator VARCHAR(40) NOT NULL, value NUMERIC(14, 2), "
                    + "reported_on DATE NOT NULL)");
        }
    }

    /** The staging table of a batch; the batch id is a UUID this service made, so the name is safe. */
    static String table(String batchId) {
        return "department_row_" + batchId.replace("-", "");
    }

    /** One row; its text fields are validated ASCII (digits, codes). */
    void add(StagedRow row) throws SQLException {
        if (in == null) {
            in = copyManager.copyIn(copy);
            buffer.put(SIGNATURE).putInt(0).putInt(0);
        }
        buffer.putShort(FIELDS);
        buffer.putInt(Long.BYTES).putLong(row.lineNo());
        text(row.idNumber());
        text(row.householdId());
        text(row.indicator().name());
        amount(row.fen());
        buffer.putInt(Integer.BYTES).putInt((int) (row.reportedOn().toEpochDay() - POSTGRES_EPOCH_DAY));
        if (buffer.position() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void text(String field) {
        if (field == null) {
            buffer.putInt(-1);
            return;
        }
        byte[] bytes = field.getBytes(StandardCharsets.US_ASCII);
        buffer.putInt(bytes.length).put(bytes);
    }

    /**
     * An amount as PostgreSQL's binary NUMERIC: the number of base-10,000 digits, the weight of the first, the sign,
     * the display scale, then the digits, most significant first (whole yuan, then the fen as one digit).
     */
    private void amount(Long fen) {
        if (fen == null) {
            buffer.putInt(-1);
            return;
        }
        short[] whole = new short[3];
        int wholeDigits = 0;
        for (long rest = fen / 100; rest > 0; rest /= NUMERIC_BASE) {
            whole[wholeDigits++] = (short) (rest % NUMERIC_BASE);
        }
        buffer.putInt(8 + 2 * (wholeDigits + 1)).putShort((short) (wholeDigits + 1))
                .putShort((short) (wholeDigits - 1)).putShort((short) 0).putShort((short) 2);
        for (int i = wholeDigits - 1; i >= 0; i--) {
            buffer.putShort(whole[i]);
        }
        buffer.putShort((short) (fen % 100 * 100));
    }

    /** Ends the running COPY, which commits the rows added since the last commit. */
    void commit() throws SQLException {
        if (in == null) {
            return;
        }
        buffer.putShort((short) -1);
        flush();
        in.endCopy();
        in = null;
    }

    private void flush() throws SQLException {
        if (buffer.position() > 0) {
            in.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (in != null && in.isActive()) {
                in.cancelCopy();
            }
        } finally {
            connection.close();
        }
    }
}
