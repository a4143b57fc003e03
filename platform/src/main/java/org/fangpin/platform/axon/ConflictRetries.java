package org.fangpin.platform.axon;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.DisposableBean;

/**
 * A command that lost a race for its household — another replica, or an event consumer acting on the same household,
 * appended first — is sent again on the household as it now stands, a few times with a short back-off, so that the
 * user does not pay for automation's timing with a 409. Only a conflict is retried: it proves nothing was written,
 * and the aggregate judges the command again on the new state. A failure whose outcome is unknown (a connection lost
 * during commit) is not retried here; the client retries it with its Idempotency-Key.
 */
final class ConflictRetries implements RetryScheduler, DisposableBean {

    static final int MAX_RETRIES = 4;
    private static final long FIRST_BACK_OFF_MILLIS = 20;

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "command-conflict-retries");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!conflict(lastFailure) || failures.size() > MAX_RETRIES) {
            return false;
        }
        long backOff = FIRST_BACK_OFF_MILLIS << (failures.size() - 1);
        retries.schedule(dispatchTask, backOff, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
