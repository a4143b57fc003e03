package org.fangpin.monitoring.process.department;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;
import javax.xml.stream.XMLStreamException;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.value.Department;
import org.fangpin.monitoring.process.department.DepartmentRowParser.MissingColumns;
import org.fangpin.monitoring.process.department.DepartmentRowParser.Outcome;
import org.fangpin.monitoring.process.department.DepartmentRowParser.Rejected;
import org.fangpin.monitoring.process.department.DepartmentRowParser.StagedRow;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.tabular.CsvRows;
import org.fangpin.platform.tabular.Rows;
import org.fangpin.platform.tabular.XlsxRows;
import org.fangpin.platform.web.RequestBodyLimit;
import org.fangpin.platform.web.RuleViolation;

/**
 * 行业部门数据交换: receives a department's file as it streams in, COPYs its valid rows into the staging table in
 * chunks (progress visible meanwhile), records every malformed row with its line number and reason, and hands the
 * batch to {@link DepartmentScreening}. A file identical (SHA-256) to one of the same department already applied
 * ends as {@code DUPLICATE} and is not screened again.
 */
@Component
public class DepartmentDataImport {

    /** The formats a department may send. */
    public enum Format { CSV, XLSX }

    /** What the uploader learns at once: the batch, and whether it is a duplicate of an earlier one. */
    public record Receipt(String batchId, String status, String duplicateOf, long rowsRead, long rowsRejected) {
    }

    private static final Logger log = LoggerFactory.getLogger(DepartmentDataImport.class);
    private static final int CHUNK_ROWS = 100_000;
    private static final int REJECTION_BATCH = 1_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ScreeningQueue screening;
    private final BatchLeases leases;
    private final DepartmentFileLimits limits;
    private final Clock clock;

    DepartmentDataImport(DataSource dataSource, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
                         ScreeningQueue screening, BatchLeases leases, DepartmentFileLimits limits, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.screening = screening;
        this.leases = leases;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Reads the upload to its end and returns when the rows are staged; screening and the hits follow in the
     * background. A file refused on the way (a limit of {@link DepartmentFileLimits}, or a body beyond the size
     * accepted) leaves no batch behind. The batch's lease is held from the first row to the last hit published, so
     * another replica recovers it only if this one dies ({@link BatchRecovery}).
     */
    public Receipt upload(Department department, Format format, String fileName, InputStream body, Charset charset)
            throws IOException {
        Actor uploader = RequestContext.requireActor();
        if (format == Format.CSV && !CsvRows.supports(charset)) {
            throw RuleViolation.of("DEPARTMENT_FILE_CHARSET", charset.name());
        }
        String batchId = UUID.randomUUID().toString();
        SimpleLock lease = leases.tryHold(batchId).orElseThrow();
        try {
            Receipt receipt = receive(batchId, department, format, fileName, body, charset, uploader);
            if ("SCREENING".equals(receipt.status())) {
                screening.submit(batchId, lease, uploader, RequestContext.correlationId());
                lease = null;
            }
            return receipt;
        } finally {
            if (lease != null) {
                lease.unlock();
            }
        }
    }

    private Receipt receive(String batchId, Department department, Format format, String fileName, InputStream body,
                            Charset charset, Actor uploader) throws IOException {
        MessageDigest sha256 = sha256();
        DigestInputStream content = new DigestInputStream(body, sha256);
        Path spooled = format == Format.XLSX ? spool(content) : null;
        Counts counts;
        try (Rows rows = format == Format.CSV ? new CsvRows(content, charset, limits.tabular())
                : new XlsxRows(spooled, limits.tabular())) {
            Rows.Row header = rows.next();
            if (header == null) {
                throw RuleViolation.of("DEPARTMENT_FILE_EMPTY");
            }
            DepartmentRowParser parser = parser(department, header);
            open(batchId, department, format, fileName, uploader);
            counts = stage(batchId, rows, parser);
        } catch (IOException e) {
            if (tooLarge(e)) {
                throw e;
            }
            throw refusal(e).orElseGet(() ->
                    RuleViolation.of("DEPARTMENT_FILE_UNREADABLE", fileName == null ? format : fileName));
        } finally {
            delete(spooled);
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        try {
            jdbc.sql("UPDATE department_batch SET content_hash = :hash, status = 'SCREENING' WHERE batch_id = :id")
                    .param("hash", hash).param("id", batchId).update();
        } catch (DuplicateKeyException e) {
            return duplicate(batchId, department, hash, counts);
        }
        return new Receipt(batchId, "SCREENING", null, counts.read(), counts.rejected());
    }

    private DepartmentRowParser parser(Department department, Rows.Row header) {
        try {
            return new DepartmentRowParser(department, header.cells());
        } catch (MissingColumns e) {
            throw RuleViolation.of("DEPARTMENT_FILE_COLUMNS", e.getMessage());
        }
    }

    private record Counts(long read, long rejected) {
    }

    private Counts stage(String batchId, Rows rows, DepartmentRowParser parser) throws IOException {
        long read = 0;
        long rejected = 0;
        LocalDate firstDay = null;
        LocalDate lastDay = null;
        List<Rejected> rejections = new ArrayList<>();
        try (Staging staging = new Staging(dataSource, batchId)) {
            for (Rows.Row row = rows.next(); row != null; row = rows.next()) {
                read++;
                Outcome outcome = parser.parse(row);
                if (outcome instanceof StagedRow staged) {
                    staging.add(staged);
                    LocalDate day = staged.reportedOn();
                    firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
                    lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
                } else if (outcome instanceof Rejected rejection) {
                    rejected++;
                    rejections.add(rejection);
                    if (rejections.size() >= REJECTION_BATCH) {
                        reject(batchId, rejections);
                    }
                }
                if (read % CHUNK_ROWS == 0) {
                    staging.commit();
                    reject(batchId, rejections);
                    progress(batchId, read, rejected, firstDay, lastDay);
                }
            }
            staging.commit();
            reject(batchId, rejections);
            progress(batchId, read, rejected, firstDay, lastDay);
            return new Counts(read, rejected);
        } catch (SQLException e) {
            fail(batchId, e);
            throw new IllegalStateException("the rows could not be staged", e);
        } catch (IOException | RuntimeException e) {
            if (tooLarge(e) || refusal(e).isPresent()) {
                discard(batchId);
            } else {
                fail(batchId, e);
            }
            throw e;
        }
    }

    /** The limit a file broke, wherever in the reading it was found. */
    private static Optional<RuleViolation> refusal(Throwable failure) {
        return Rows.refusal(failure);
    }

    /** The body went beyond the size accepted for uploads: answered with the platform's 413. */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof RequestBodyLimit.RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable failure) {
        return failure instanceof XMLStreamException xml && xml.getCause() == null ? xml.getNestedException()
                : failure.getCause();
    }

    private void open(String batchId, Department department, Format format, String fileName, Actor uploader) {
        jdbc.sql("""
                        INSERT INTO department_batch (batch_id, department, region_code, file_name, format, status,
                            uploaded_by, uploaded_at)
                        VALUES (:id, :department, :region, :fileName, :format, 'RECEIVING', :by, :at)""")
                .param("id", batchId)
                .param("department", department.name())
                .param("region", uploader.region())
                .param("fileName", fileName)
                .param("format", format.name())
                .param("by", uploader.name())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private void reject(String batchId, List<Rejected> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                        INSERT INTO department_batch_rejection (batch_id, line_no, reason) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                rejections, rejections.size(), (statement, rejection) -> {
                    statement.setString(1, batchId);
                    statement.setLong(2, rejection.lineNo());
                    statement.setString(3, rejection.reason());
                });
        rejections.clear();
    }

    private void progress(String batchId, long read, long rejected, LocalDate firstDay, LocalDate lastDay) {
        jdbc.sql("""
                        UPDATE department_batch SET rows_read = :read, rows_rejected = :rejected,
                            first_reported_on = :first, last_reported_on = :last
                        WHERE batch_id = :id""")
                .param("read", read).param("rejected", rejected).param("first", firstDay).param("last", lastDay)
                .param("id", batchId).update();
    }

    private Receipt duplicate(String batchId, Department department, String hash, Counts counts) {
        String original = jdbc.sql("""
                        SELECT batch_id FROM department_batch
                        WHERE department = :department AND content_hash = :hash
                          AND status IN ('SCREENING', 'PUBLISHING', 'COMPLETED')""")
                .param("department", department.name()).param("hash", hash)
                .query(String.class).single();
        jdbc.sql("""
                        UPDATE department_batch
                        SET status = 'DUPLICATE', content_hash = :hash, duplicate_of = :original, finished_at = :at
                        WHERE batch_id = :id""")
                .param("hash", hash).param("original", original).param("at", Timestamp.from(clock.instant()))
                .param("id", batchId).update();
        jdbc.sql("DROP TABLE " + Staging.table(batchId)).update();
        return new Receipt(batchId, "DUPLICATE", original, counts.read(), counts.rejected());
    }

    /** A refused file leaves nothing: its staged rows, rejections and batch go. */
    private void discard(String batchId) {
        jdbc.sql("DROP TABLE IF EXISTS " + Staging.table(batchId)).update();
        jdbc.sql("DELETE FROM department_batch_rejection WHERE batch_id = :id").param("id", batchId).update();
        jdbc.sql("DELETE FROM department_batch WHERE batch_id = :id").param("id", batchId).update();
    }

    private void fail(String batchId, Exception cause) {
        log.warn("department batch {} failed while receiving", batchId, cause);
        jdbc.sql("UPDATE department_batch SET status = 'FAILED', failure = :failure, finished_at = :at "
                        + "WHERE batch_id = :id")
                .param("failure", "接收文件时中断：" + cause.getClass().getSimpleName())
                .param("at", Timestamp.from(clock.instant())).param("id", batchId).update();
        jdbc.sql("DROP TABLE IF EXISTS " + Staging.table(batchId)).update();
    }

    /** The spreadsheet on disk, in the spool directory of {@link DepartmentFileLimits}; deleted once read. */
    private Path spool(InputStream content) throws IOException {
        Path file = Files.createTempFile(limits.spoolDirectory(), "department-batch-", ".xlsx");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("temporary file {} could not be deleted", file, e);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
