package org.fangpin.monitoring.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fangpin.platform.jdbc.Like;

/** The progress of department batches and their rejected rows. */
@Component
public class DepartmentBatchQueries {

    private final JdbcClient jdbc;

    DepartmentBatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BatchView> batch(String batchId) {
        return jdbc.sql(BATCH_COLUMNS + " WHERE batch_id = :id")
                .param("id", batchId)
                .query(BatchView.class)
                .optional();
    }

    /**
     * The batches uploaded within a region, optionally of one department, newest first, a page at a time.
     *
     * @param after the id of the last batch of the previous page (absent for the first page)
     */
    public List<BatchView> batches(String regionPrefix, String department, String after, int limit) {
        return jdbc.sql(BATCH_COLUMNS + """
                         WHERE region_code LIKE :region
                           AND (CAST(:department AS VARCHAR) IS NULL OR department = :department)
                           AND (CAST(:after AS VARCHAR) IS NULL OR (uploaded_at, batch_id) <
                                (SELECT b.uploaded_at, b.batch_id FROM department_batch b WHERE b.batch_id = :after))
                        ORDER BY uploaded_at DESC, batch_id DESC LIMIT :limit""")
                .param("region", Like.startsWith(regionPrefix))
                .param("department", department)
                .param("after", after)
                .param("limit", limit)
                .query(BatchView.class)
                .list();
    }

    public boolean exists(String batchId) {
        return jdbc.sql("SELECT count(*) FROM department_batch WHERE batch_id = :id").param("id", batchId)
                .query(Long.class).single() > 0;
    }

    private static final String BATCH_COLUMNS = """
            SELECT batch_id, department, region_code, file_name, format, status, duplicate_of, rows_read,
                   rows_rejected, first_reported_on, last_reported_on, rows_matched, hits, monitored_hits,
                   leads_raised, failure, uploaded_by, uploaded_at, finished_at
            FROM department_batch""";

    /** @param after the line number of the last rejection of the previous page (0 for the first page) */
    public List<RejectionView> rejections(String batchId, long after, int limit) {
        return jdbc.sql("""
                        SELECT line_no, reason FROM department_batch_rejection
                        WHERE batch_id = :id AND line_no > :after ORDER BY line_no LIMIT :limit""")
                .param("id", batchId)
                .param("after", after)
                .param("limit", limit)
                .query(RejectionView.class)
                .list();
    }

    /**
     * @param firstReportedOn the earliest day a valid row of the file reports on (its period starts)
     * @param lastReportedOn  the latest such day
     * @param monitoredHits   households under monitoring the hits were applied to (warnings raised or escalated)
     * @param leadsRaised     households not monitored that became department leads
     */
    public record BatchView(String batchId, String department, String regionCode, String fileName, String format,
                            String status, String duplicateOf, long rowsRead, long rowsRejected,
                            LocalDate firstReportedOn, LocalDate lastReportedOn, long rowsMatched, long hits,
                            long monitoredHits, long leadsRaised, String failure, String uploadedBy,
                            Instant uploadedAt, Instant finishedAt) {
    }

    public record RejectionView(long lineNo, String reason) {
    }
}
