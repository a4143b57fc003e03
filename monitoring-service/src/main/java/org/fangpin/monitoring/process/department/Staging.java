package org.fangpin.monitoring.process.department;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import org.fangpin.monitoring.process.department.DepartmentRowParser.StagedRow;

/**
 * Streams valid rows into the batch's own staging table with PostgreSQL's COPY, on a connection of its own in
 * auto-commit mode: each {@link #commit()} ends one COPY, one short transaction, so progress is visible while the
 * file is still arriving. The fields are validated before (digits, codes, dates: ASCII), so the text format needs no
 * escaping and each character is one byte.
 */
final class Staging implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 18;

    private final Connection connection;
    private final CopyManager copyManager;
    private final String copy;
    private final byte[] buffer = new byte[FLUSH_BYTES + 4096];
    private int size;
    private CopyIn in;

    Staging(DataSource dataSource, String batchId) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(true);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        String table = table(batchId);
        this.copy = "COPY " + table + " FROM STDIN";
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

    void add(StagedRow row) throws SQLException {
        if (in == null) {
            in = copyManager.copyIn(copy);
        }
        append(Long.toString(row.lineNo()));
        append(row.idNumber());
        append(row.householdId());
        append(row.indicator().name());
        append(row.amount());
        append(row.reportedOn().toString());
        buffer[size - 1] = '\n';
        if (size >= FLUSH_BYTES) {
            flush();
        }
    }

    /** One field and its tab; {@code \N} for none. A row is far shorter than the slack left above the flush size. */
    private void append(String field) {
        String text = field == null ? "\\N" : field;
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
        buffer[size++] = '\t';
    }

    /** Ends the running COPY, which commits the rows added since the last commit. */
    void commit() throws SQLException {
        if (in == null) {
            return;
        }
        flush();
        in.endCopy();
        in = null;
    }

    private void flush() throws SQLException {
        if (size > 0) {
            in.writeToCopy(buffer, 0, size);
            size = 0;
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
