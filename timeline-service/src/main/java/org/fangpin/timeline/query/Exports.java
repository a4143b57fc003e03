package org.fangpin.timeline.query;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the reads that span a whole region (the event-log CSV, the XLSX ledger, the dashboard) in one read-only
 * transaction whose statements PostgreSQL cancels after {@code fangpin.timeline.export-statement-timeout}, so that a
 * runaway export cannot hold the database; a cancelled one ends in {@link ExportTimedOut}. PostgreSQL reads with a
 * cursor only inside a transaction, which the streamed exports need anyway.
 */
@Component
public class Exports {

    /** PostgreSQL's {@code query_canceled}, which a statement timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Duration statementTimeout;

    Exports(JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${fangpin.timeline.export-statement-timeout}") Duration statementTimeout) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.statementTimeout = statementTimeout;
    }

    /** The result of a read over a region, e.g. the figures of a dashboard. */
    public <T> T read(Supplier<T> export) {
        try {
            return readOnly.execute(status -> {
                // local to the transaction: the pooled connection goes back without it
                jdbc.sql("SELECT set_config('statement_timeout', :ms, true)")
                        .param("ms", String.valueOf(statementTimeout.toMillis()))
                        .query(String.class).single();
                return export.get();
            });
        } catch (DataAccessException e) {
            if (cancelled(e)) {
                throw new ExportTimedOut(statementTimeout, e);
            }
            throw e;
        }
    }

    /** A streamed export, e.g. rows written to a response as they are read. */
    public void run(Runnable export) {
        read(() -> {
            export.run();
            return null;
        });
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** An export stopped by its statement timeout. */
    public static final class ExportTimedOut extends RuntimeException {

        private final transient Duration timeout;

        ExportTimedOut(Duration timeout, Throwable cause) {
            super("export stopped after the statement timeout of " + timeout, cause);
            this.timeout = timeout;
        }

        public Duration timeout() {
            return timeout;
        }
    }
}
