package org.fangpin.monitoring.process.department;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import de.bytefish.pgbulkinsert.pgsql.PgBinaryWriter;
import de.bytefish.pgbulkinsert.pgsql.handlers.BigDecimalValueHandler;
import de.bytefish.pgbulkinsert.pgsql.handlers.LocalDateValueHandler;
import de.bytefish.pgbulkinsert.pgsql.handlers.StringValueHandler;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import org.fangpin.monitoring.process.department.DepartmentRowParser.StagedRow;

/**
 * {@link Staging} with the binary COPY stream written by PgBulkInsert's {@code PgBinaryWriter} and value handlers
 * instead of the hand-written encoder: the same table, the same COPY per {@link #commit()}, kept for the
 * benchmark's side-by-side figure (docs/decisions/0041).
 */
final class PgBulkInsertStaging implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 18;
    private static final int FIELDS = 6;
    private static final StringValueHandler TEXT = new StringValueHandler();
    private static final BigDecimalValueHandler<BigDecimal> NUMERIC = new BigDecimalValueHandler<>();
    private static final LocalDateValueHandler DATE = new LocalDateValueHandler();

    private final Connection connection;
    private final PGConnection postgres;
    private final String copy;
    private PGCopyOutputStream out;
    private PgBinaryWriter writer;

    PgBulkInsertStaging(DataSource dataSource, String batchId) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(true);
        this.postgres = connection.unwrap(PGConnection.class);
        String table = Staging.table(batchId);
        this.copy = "COPY " + table + " FROM STDIN (FORMAT binary)";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNLOGGED TABLE " + table + " (line_no BIGINT NOT NULL, id_number VARCHAR(18), "
                    + "household_id VARCHAR(64), indicator VARCHAR(40) NOT NULL, value NUMERIC(14, 2), "
                    + "reported_on DATE NOT NULL)");
        }
    }

    void add(StagedRow row) throws SQLException {
        if (writer == null) {
            out = new PGCopyOutputStream(postgres, copy, FLUSH_BYTES);
            writer = new PgBinaryWriter(out, FLUSH_BYTES);
        }
        writer.startRow(FIELDS);
        writer.writeLong(row.lineNo());
        writer.write(TEXT, row.idNumber());
        writer.write(TEXT, row.householdId());
        writer.write(TEXT, row.indicator().name());
        writer.write(NUMERIC, row.fen() == null ? null : BigDecimal.valueOf(row.fen(), 2));
        writer.write(DATE, row.reportedOn());
    }

    /** Ends the running COPY (the writer's trailer, then the end of the stream), which commits the rows added. */
    void commit() {
        if (writer == null) {
            return;
        }
        writer.close();
        writer = null;
        out = null;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (out != null && out.isActive()) {
                out.cancelCopy();
            }
        } finally {
            connection.close();
        }
    }
}
