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
 * nor parses numbers and dates again, which was most of its work on the text format.
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

    /** One row; its fields are validated ASCII (digits, codes) and its amount two decimals at most. */
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
        amount(row.amount());
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
     * An amount as PostgreSQL's binary NUMERIC: base-10,000 digits, most significant first, the weight of the first,
     * and the display scale. Leading and trailing zero digits are allowed; PostgreSQL strips them on receipt.
     */
    private void amount(String yuan) {
        if (yuan == null) {
            buffer.putInt(-1);
            return;
        }
        long fen = fen(yuan);
        long whole = fen / 100;
        int cents = (int) (fen % 100);
        int wholeDigits = whole >= 100_000_000L ? 3 : whole >= NUMERIC_BASE ? 2 : whole > 0 ? 1 : 0;
        int digits = wholeDigits + 1;
        buffer.putInt(8 + 2 * digits)
                .putShort((short) digits).putShort((short) (wholeDigits - 1)).putShort((short) 0).putShort((short) 2);
        for (int i = wholeDigits - 1; i >= 0; i--) {
            long power = i == 2 ? 100_000_000L : i == 1 ? NUMERIC_BASE : 1;
            buffer.putShort((short) (whole / power % NUMERIC_BASE));
        }
        buffer.putShort((short) (cents * 100));
    }

    /** Validated yuan text (digits, at most two decimals) in fen. */
    private static long fen(String yuan) {
        long fen = 0;
        int decimals = -1;
        for (int i = 0; i < yuan.length(); i++) {
            char c = yuan.charAt(i);
            if (c == '.') {
                decimals = 0;
            } else {
                fen = fen * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            }
        }
        for (int i = Math.max(decimals, 0); i < 2; i++) {
            fen *= 10;
        }
        return fen;
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
