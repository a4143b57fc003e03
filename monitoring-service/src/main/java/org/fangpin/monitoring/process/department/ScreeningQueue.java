package org.fangpin.monitoring.process.department;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;

/**
 * Screens department batches one at a time on a thread of their own, as the actor who uploaded them, so an upload
 * returns as soon as its rows are staged and two large batches never compete for the database.
 */
@Component
public class ScreeningQueue implements DisposableBean {

    private final DepartmentScreening screening;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread worker = new Thread(work, "department-screening");
        worker.setDaemon(true);
        return worker;
    });

    ScreeningQueue(DepartmentScreening screening) {
        this.screening = screening;
    }

    /** Screens the batch and then lets go of its lease, which the caller hands over. */
    public void submit(String batchId, SimpleLock lease, Actor actor, String correlationId) {
        thread.execute(() -> RequestContext.runAs(actor, correlationId, () -> {
            try {
                screening.screen(batchId);
            } finally {
                lease.unlock();
            }
            return null;
        }));
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
