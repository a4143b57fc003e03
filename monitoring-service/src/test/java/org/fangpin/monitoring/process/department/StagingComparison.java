package org.fangpin.monitoring.process.department;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.contracts.value.Department;
import org.fangpin.monitoring.process.department.DepartmentRowParser.StagedRow;
import org.fangpin.platform.tabular.CsvRows;
import org.fangpin.platform.tabular.Rows;
import org.fangpin.platform.tabular.TabularLimits;

/**
 * The staging writers side by side for the benchmark (docs/decisions/0041): a department file read and validated as
 * an upload does, its rows staged by {@link Staging} (hand-written binary COPY encoder) and by
 * {@link PgBulkInsertStaging}, committed every {@value #CHUNK_ROWS} rows read as the upload does; and the same file
 * only read and validated, which both include. The two staged tables must hold the same rows.
 */
public final class StagingComparison {

    private static final int CHUNK_ROWS = 100_000;
    private static final TabularLimits LIMITS = new TabularLimits("DEPARTMENT_FILE", null, null, null);

    /** Seconds of one pass: read and validated only, then staged by the hand-written encoder, then by PgBulkInsert. */
    public record Pass(double readOnly, double handWritten, double library) {
    }

    private interface Writer extends AutoCloseable {
        void add(StagedRow row) throws SQLException;

        void commit() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    private StagingComparison() {
    }

    public static Pass pass(DataSource dataSource, Path file) throws Exception {
        String handWrittenBatch = UUID.randomUUID().toString();
        String libraryBatch = UUID.randomUUID().toString();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            double readOnly = stage(file, null);
            double handWritten = stage(file, handWritten(dataSource, handWrittenBatch));
            double library = stage(file, library(dataSource, libraryBatch));
            String a = Staging.table(handWrittenBatch);
            String b = Staging.table(libraryBatch);
            long differing = jdbc.sql("SELECT (SELECT count(*) FROM (TABLE " + a + " EXCEPT ALL TABLE " + b + ") x) + "
                    + "(SELECT count(*) FROM (TABLE " + b + " EXCEPT ALL TABLE " + a + ") y)").query(Long.class).single();
            if (differing != 0) {
                throw new IllegalStateException(differing + " staged rows differ between the two writers");
            }
            return new Pass(readOnly, handWritten, library);
        } finally {
            jdbc.sql("DROP TABLE IF EXISTS " + Staging.table(handWrittenBatch)).update();
            jdbc.sql("DROP TABLE IF EXISTS " + Staging.table(libraryBatch)).update();
        }
    }

    private static double stage(Path file, Writer writer) throws Exception {
        long start = System.nanoTime();
        long read = 0;
        long staged = 0;
        try (Rows rows = new CsvRows(Files.newInputStream(file), StandardCharsets.UTF_8, LIMITS)) {
            DepartmentRowParser parser = new DepartmentRowParser(Department.MEDICAL_INSURANCE, rows.next().cells());
            for (Rows.Row row = rows.next(); row != null; row = rows.next()) {
                read++;
                if (parser.parse(row) instanceof StagedRow valid) {
                    staged++;
                    if (writer != null) {
                        writer.add(valid);
                    }
                }
                if (writer != null && read % CHUNK_ROWS == 0) {
                    writer.commit();
                }
            }
            if (writer != null) {
                writer.commit();
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        if (staged == 0) {
            throw new IllegalStateException("no valid rows in " + file);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Writer handWritten(DataSource dataSource, String batchId) throws SQLException {
        Staging staging = new Staging(dataSource, batchId);
        return new Writer() {
            public void add(StagedRow row) throws SQLException {
                staging.add(row);
            }

            public void commit() throws SQLException {
                staging.commit();
            }

            public void close() throws SQLException {
                staging.close();
            }
        };
    }

    private static Writer library(DataSource dataSource, String batchId) throws SQLException {
        PgBulkInsertStaging staging = new PgBulkInsertStaging(dataSource, batchId);
        return new Writer() {
            public void add(StagedRow row) throws SQLException {
                staging.add(row);
            }

            public void commit() {
                staging.commit();
            }

            public void close() throws SQLException {
                staging.close();
            }
        };
    }
}
