package org.fangpin.platform.imports;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/**
 * Imports run as batches: {@link #accept} checks the file's header, records the batch and answers 202 with its
 * {@code Location}; the import runs on this replica's import thread (one at a time, the others queued) as the actor
 * who sent it, and its progress is written to {@code import_run} every second, so that {@link #find} answers on any
 * replica. A batch whose replica stopped (no heartbeat for {@value #HEARTBEAT_LOST_SECONDS} s) reads as
 * {@code INTERRUPTED}; importing the file again is safe.
 */
public class ImportRuns implements DisposableBean {

    static final int HEARTBEAT_LOST_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Problems problems;
    private final Duration flushInterval;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(named("fangpin-import"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            named("fangpin-import-progress"));
    private final Map<UUID, Active> active = new ConcurrentHashMap<>();
    private boolean ticking;

    /** A batch of this replica not finished yet. */
    private static final class Active {
        final ImportProgress progress = new ImportProgress();
        volatile boolean started;
    }

    public ImportRuns(JdbcClient jdbc, ObjectMapper json, Problems problems, Duration flushInterval) {
        this.jdbc = jdbc;
        this.json = json;
        this.problems = problems;
        this.flushInterval = flushInterval;
    }

    /** Accepts a file for import by the current actor: 202 with the batch's {@code Location} and its first status. */
    public ResponseEntity<ImportRun> accept(FileImport imports, String fileName, byte[] content) {
        UUID id = start(imports, fileName, content);
        // Relative, so that it holds behind the gateway as well.
        URI location = URI.create(ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath() + "/" + id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(require(id));
    }

    /** Checks the file's header, records the batch and queues its import by the current actor. */
    public UUID start(FileImport imports, String fileName, byte[] content) {
        Actor importer = RequestContext.requireActor();
        imports.checkHeader(content);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO import_run (id, file_name, importer_id, importer_region, state)
                        VALUES (:id, :fileName, :importer, :region, 'QUEUED')""")
                .param("id", id).param("fileName", fileName).param("importer", importer.id())
                .param("region", importer.region()).update();
        Active run = new Active();
        active.put(id, run);
        startTicking();
        String correlationId = RequestContext.correlationId();
        runner.execute(() -> RequestContext.runAs(importer, correlationId, () -> {
            run(id, imports, fileName, content, run);
            return null;
        }));
        return id;
    }

    /** The batch, if the current actor sent it or it was sent within their jurisdiction. */
    public Optional<ImportRun> find(UUID id) {
        Actor reader = RequestContext.requireActor();
        return jdbc.sql("SELECT *, now() - updated_at > make_interval(secs => :lost) AS lost FROM import_run "
                        + "WHERE id = :id")
                .param("id", id).param("lost", HEARTBEAT_LOST_SECONDS)
                .query((rs, n) -> reader.id().equals(rs.getString("importer_id"))
                        || Jurisdiction.covers(reader, rs.getString("importer_region")) ? run(rs) : null)
                .optional();
    }

    /** The batch, else 404 {@code IMPORT_RUN_NOT_FOUND}. */
    public ImportRun require(UUID id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("IMPORT_RUN_NOT_FOUND", id));
    }

    private void run(UUID id, FileImport imports, String fileName, byte[] content, Active run) {
        run.started = true;
        flush(id, run);
        try {
            Object report = imports.importFile(fileName, content, run.progress);
            finish(id, run, "DONE", json.writeValueAsString(report), null, null);
        } catch (RuleViolation refused) {
            finish(id, run, "REFUSED", null, refused.code(), problems.problem(refused.status(), refused.code(),
                    Problems.CHINESE, refused.args()).getDetail());
        } catch (RuntimeException | JsonProcessingException failed) {
            log.error("Import {} of {} failed", id, fileName, failed);
            finish(id, run, "FAILED", null, "IMPORT_FAILED", problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                    "IMPORT_FAILED", Problems.CHINESE).getDetail());
        }
    }

    private void finish(UUID id, Active run, String state, String report, String code, String detail) {
        active.remove(id);
        ImportProgress.Counts counts = run.progress.counts();
        jdbc.sql("""
                        UPDATE import_run SET state = :state, rows_total = :total, rows_validated = :validated,
                               rows_written = :written, rows_refused = :refused, report = CAST(:report AS jsonb),
                               problem_code = :code, problem_detail = :detail, updated_at = now(), finished_at = now()
                        WHERE id = :id""")
                .param("id", id).param("state", state).param("total", counts.total())
                .param("validated", counts.validated()).param("written", counts.written())
                .param("refused", counts.refused()).param("report", report).param("code", code)
                .param("detail", detail).update();
    }

    private synchronized void startTicking() {
        if (!ticking) {
            ticker.scheduleWithFixedDelay(this::flushAll, flushInterval.toMillis(), flushInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
            ticking = true;
        }
    }

    private void flushAll() {
        active.forEach((id, run) -> {
            try {
                flush(id, run);
            } catch (RuntimeException e) {
                log.warn("Progress of import {} not written: {}", id, e.toString());
            }
        });
    }

    /** The progress so far, and the heartbeat of a queued batch; a finished batch is left as it ended. */
    private void flush(UUID id, Active run) {
        ImportProgress.Counts counts = run.progress.counts();
        String state = !run.started ? "QUEUED" : counts.writing() ? "WRITING" : "VALIDATING";
        jdbc.sql("""
                        UPDATE import_run SET state = :state, rows_total = :total, rows_validated = :validated,
                               rows_written = :written, rows_refused = :refused, updated_at = now()
                        WHERE id = :id AND finished_at IS NULL""")
                .param("id", id).param("state", state).param("total", counts.total())
                .param("validated", counts.validated()).param("written", counts.written())
                .param("refused", counts.refused()).update();
    }

    private ImportRun run(ResultSet rs) throws SQLException {
        boolean finished = rs.getTimestamp("finished_at") != null;
        String state = !finished && rs.getBoolean("lost") ? "INTERRUPTED" : rs.getString("state");
        String report = rs.getString("report");
        String code = rs.getString("problem_code");
        try {
            return new ImportRun(rs.getObject("id", UUID.class), rs.getString("file_name"), state,
                    rs.getInt("rows_total"), rs.getInt("rows_validated"), rs.getInt("rows_written"),
                    rs.getInt("rows_refused"), rs.getTimestamp("accepted_at").toInstant(),
                    finished ? rs.getTimestamp("finished_at").toInstant() : null,
                    report == null ? null : json.readTree(report),
                    code == null ? null : new ImportRun.Problem(code, rs.getString("problem_detail")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report of import " + rs.getString("id") + " unreadable", e);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        runner.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
