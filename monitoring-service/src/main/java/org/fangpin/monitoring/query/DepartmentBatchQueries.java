package org.fangpin.monitoring.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The progress of department batches and their rejected rows. */
@Component
public class DepartmentBatchQueries {

    private final JdbcClient jdbc;

    DepartmentBatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BatchView> batch(String batchId) {
        return jdbc.sql("""
                        SELECT batch_id, department, region_code, file_name, format, status, duplicate_of, rows_read,
                               rows_rejected, first_reported_on, last_reported_on, rows_matched, hits, monitored_hits,
                               leads_raised, failure, uploaded_by, uploaded_at, finished_at
                        FROM department_batch WHERE batch_id = :id""")
                .param("id", batchId)
                .query(BatchView.class)
                .optional();
    }

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
