package org.fangpin.platform.failure;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the infrastructure — a database or broker that is down, restarting, failing over or busy — from
 * one of the work itself. A delivery of the first kind is retried for as long as it takes and only one of the second
 * may go to the dead-letter topic; a request failing with the first is answered 503 with {@code Retry-After}, so
 * that its client sends it again (with the same Idempotency-Key). The one place this is decided.
 */
public final class TransientFailures {

    /**
     * PostgreSQL's SQL states of a transient failure, by class: 08 connection, 40 transaction rollback (deadlock,
     * serialization), 53 insufficient resources, 57P operator intervention (shutdown, restart), 55P03 lock not
     * available, 58 system error (I/O).
     */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private TransientFailures() {
    }

    /** Whether anything in the failure's chain of causes is a transient infrastructure failure. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof ConcurrencyFailureException || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException || cause instanceof RetriableException
                    || cause instanceof ConcurrencyException
                    || (cause instanceof SQLException sql && transientState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)) || "55P03".equals(state));
    }
}
